import type { FileRef, GembaApi, JobEvent } from '../../preload/api.ts';

/**
 * What the local host needs from the engine: the GembaApi calls, the job event stream and a
 * place to put uploaded files. EngineService (main/worker/engine-service.ts) is one; tests pass
 * a fake.
 */
export interface HostedService extends GembaApi {
  onJobEvent(listener: (event: JobEvent) => void): () => void;
  acceptUpload(name: string, body: NodeJS.ReadableStream): Promise<Extract<FileRef, { kind: 'upload' }>>;
}
