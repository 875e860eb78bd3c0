import { describe, expect, it } from 'vitest';
import { ProtobufWriter } from './protobuf-writer.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

// Expected bytes are the worked examples of the protobuf encoding guide
// (https://protobuf.dev/programming-guides/encoding/): "Test1 a = 150" → 08 96 01,
// "Test2 b = testing" → 12 07 74 65 73 74 69 6e 67, "Test3 c.a = 150" → 1a 03 08 96 01,
// packed "Test5 f = [1, 2, 3]" (field 6) → 32 03 01 02 03.
describe('ProtobufWriter', () => {
  it('matches the encoding guide examples', () => {
    expect(hex(new ProtobufWriter().varintField(1, 150).finish())).toBe('089601');
    expect(hex(new ProtobufWriter().stringField(2, 'testing').finish())).toBe('120774657374696e67');
    expect(hex(new ProtobufWriter().messageField(3, (m) => m.varintField(1, 150)).finish())).toBe('1a03089601');
    expect(hex(new ProtobufWriter().packedVarints(6, [1, 2, 3]).finish())).toBe('3203010203');
  });

  it('writes varints beyond 32 bits and floats as little-endian IEEE singles', () => {
    // 2^35 = 1 · 2^(7·5): five zero groups with the continuation bit (0x80), then 0x01.
    expect(hex(new ProtobufWriter().varintField(1, 2 ** 35).finish())).toBe('08' + '80'.repeat(5) + '01');
    // 1.0f = 0x3f800000, little-endian 00 00 80 3f; field 2, wire type 5 → tag 0x15.
    expect(hex(new ProtobufWriter().floatField(2, 1).finish())).toBe('150000803f');
    expect(hex(new ProtobufWriter().packedFloats(7, [1, -2]).finish())).toBe('3a080000803f000000c0');
  });

  it('grows past its initial buffer', () => {
    const big = 'x'.repeat(1000);
    const bytes = new ProtobufWriter().stringField(1, big).stringField(2, big).finish();
    expect(bytes.length).toBe(2 * (1 + 2 + 1000));
  });

  it('refuses negative or fractional varints rather than writing a wrong model', () => {
    expect(() => new ProtobufWriter().varintField(1, -1)).toThrow(RangeError);
    expect(() => new ProtobufWriter().varintField(1, 1.5)).toThrow(RangeError);
  });
});
