/**
 * The archive's progress markers, in document properties: written (one setProperties) before a chunk
 * copies anything, removed once it is done. A marker found when a run starts belongs to a chunk stopped
 * midway (the 6-minute limit, a failed service call, a killed execution): the run finishes it before
 * planning anything new. What the live tabs hold decides what is left to do, so every step is safe to
 * repeat (chunk.ts, records.ts). An unreadable marker is dropped: the live tabs still say what is left.
 */
import * as z from '../../../core/validator';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';
import { forgetChunked, readChunkedFrom, writeChunked } from '../../adapters/chunked-property';

interface Marker<T> {
  load(): T | null;
  save(progress: T): void;
  forget(): void;
}

function marker<S extends z.ZodMiniType>(key: string, schema: S): Marker<z.output<S>> {
  return {
    load: () => {
      const read = readChunkedFrom(documentProperties(), key);
      return read.kind === 'ok' ? z.parseStoredJson(schema, read.text) : null;
    },
    save: (progress) => writeChunked(documentProperties(), key, JSON.stringify(progress)),
    forget: () => forgetChunked(documentProperties(), key),
  };
}

const ProgressSchema = z.lazySchema(() =>
  z.object({
    /** The archive year (which archive file the chunk's rows go to). */
    year: z.int(),
    ids: z.array(z.string()),
  }),
);
/** A chunk of register rows being archived (chunk.ts). */
export type ChunkProgress = z.infer<typeof ProgressSchema>;
const chunkMarker = marker(PROPERTY_KEYS.archiveProgress, ProgressSchema);
export const readProgress = (): ChunkProgress | null => chunkMarker.load();
export const writeProgress = (progress: ChunkProgress): void => chunkMarker.save(progress);
export const clearProgress = (): void => chunkMarker.forget();

const RecordProgressSchema = z.lazySchema(() =>
  z.object({
    /** The live tab the rows come from, and the archive year whose same-named tab they were copied to. */
    tab: z.string(),
    year: z.int(),
    /** Where the copy starts in the archive tab, and how many rows it has. */
    start: z.int(),
    count: z.int(),
  }),
);
/**
 * A chunk of work-record rows being copied to an archive file (records.ts): the archive rows it names
 * may be copies of live rows still there, which are then deleted, not copied again.
 */
export type RecordProgress = z.infer<typeof RecordProgressSchema>;
export const recordMarker = marker(PROPERTY_KEYS.archiveRecordsProgress, RecordProgressSchema);
