/**
 * The archive chunk in progress, in document properties: written (one setProperties) before the chunk
 * copies anything, removed once its log rows are committed. A chunk found here when a run starts was
 * stopped midway (the 6-minute limit, a failed service call, a killed execution): the run finishes it
 * before planning anything new. What the register holds decides what is left to do, so every step is
 * safe to repeat (see chunk.ts).
 */
import * as z from '../../../core/validator';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';
import { forgetChunked, readChunkedFrom, writeChunked } from '../../adapters/chunked-property';

const ProgressSchema = z.lazySchema(() =>
  z.object({
    /** The archive year (which archive file the chunk's rows go to). */
    year: z.int(),
    ids: z.array(z.string()),
  }),
);
export type ChunkProgress = z.infer<typeof ProgressSchema>;

/** The chunk in progress, or null. An unreadable marker is dropped: the register still says what is left. */
export function readProgress(): ChunkProgress | null {
  const read = readChunkedFrom(documentProperties(), PROPERTY_KEYS.archiveProgress);
  return read.kind === 'ok' ? z.parseStoredJson(ProgressSchema, read.text) : null;
}

export function writeProgress(progress: ChunkProgress): void {
  writeChunked(documentProperties(), PROPERTY_KEYS.archiveProgress, JSON.stringify(progress));
}

export function clearProgress(): void {
  forgetChunked(documentProperties(), PROPERTY_KEYS.archiveProgress);
}
