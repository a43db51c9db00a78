/** An embedded chart as recorded by the model: we keep its spec, we do not draw it. */
import type { RangeRef } from './validation-rules';

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

export interface ChartSpec {
  /** Charts.ChartType name, e.g. `COLUMN`. */
  type: string;
  ranges: RangeRef[];
  options: Record<string, unknown>;
  position: ChartPosition;
  numHeaders: number;
  hiddenDimensionStrategy: string;
  mergeStrategy: string;
  transposeRowsAndColumns: boolean;
}

export interface ChartModel extends ChartSpec {
  readonly chartId: number;
}

export function defaultChartSpec(): ChartSpec {
  return {
    type: 'COLUMN',
    ranges: [],
    options: {},
    position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    numHeaders: -1,
    hiddenDimensionStrategy: 'IGNORE_BOTH',
    mergeStrategy: 'MERGE_COLUMNS',
    transposeRowsAndColumns: false,
  };
}

export function cloneSpec(spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    ranges: spec.ranges.map((r) => ({ ...r, rect: { ...r.rect } })),
    options: { ...spec.options },
    position: { ...spec.position },
  };
}
