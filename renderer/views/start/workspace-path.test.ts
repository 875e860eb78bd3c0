import { describe, expect, it } from 'vitest';
import { workspacePathFor } from './workspace-path.ts';

describe('workspacePathFor', () => {
  it('puts a bare name in the default folder', () => {
    expect(workspacePathFor(' Claims 2024 ', '/home/ann/Gemba')).toBe('/home/ann/Gemba/Claims 2024');
    expect(workspacePathFor('claims', '/home/ann/Gemba/')).toBe('/home/ann/Gemba/claims');
    expect(workspacePathFor('claims', 'C:\\Users\\ann\\Gemba')).toBe('C:\\Users\\ann\\Gemba\\claims');
  });

  it('keeps anything that is already a path', () => {
    expect(workspacePathFor('/tmp/ws', '/home/ann/Gemba')).toBe('/tmp/ws');
    expect(workspacePathFor('D:\\ws', '/home/ann/Gemba')).toBe('D:\\ws');
    expect(workspacePathFor('', '/x')).toBe('');
  });
});
