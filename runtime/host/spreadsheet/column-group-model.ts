/**
 * Column group depths of one tab (host side, no script-visible objects: those are in ./column-groups).
 *
 * Google's model (Sheets API DimensionGroup; Apps Script Group, Range.shiftColumnGroupDepth): every
 * column has a group depth from 0 to 8; a group of depth d is a maximal run of adjacent columns whose
 * depth is at least d, so groups nest and adjacent ones of a depth merge.
 */
/** "This has no effect when decreasing the group depth below zero or above eight." */
export const MAX_GROUP_DEPTH = 8;

export interface ColumnGroupsState {
  depths: [number, number][];
  collapsed: [number, number][];
}

export interface ColumnRun {
  start: number;
  end: number;
  depth: number;
}

export class ColumnGroups {
  /** 1-based column → depth (absent: 0). */
  readonly depths = new Map<number, number>();
  /** 1-based column → bit d set when the group of depth d over this column is collapsed. */
  readonly collapsed = new Map<number, number>();

  depthAt(column: number): number {
    return this.depths.get(column) ?? 0;
  }

  /** Range.shiftColumnGroupDepth over columns start…end, clamped to 0…8. */
  shift(start: number, end: number, delta: number): void {
    for (let c = start; c <= end; c++) {
      const depth = Math.max(0, Math.min(MAX_GROUP_DEPTH, this.depthAt(c) + delta));
      if (depth === 0) this.depths.delete(c);
      else this.depths.set(c, depth);
      const mask = (this.collapsed.get(c) ?? 0) & ((1 << (depth + 1)) - 1);
      if (mask === 0) this.collapsed.delete(c);
      else this.collapsed.set(c, mask);
    }
  }

  /** The group of `depth` over `column`, or null. */
  runAt(column: number, depth: number): ColumnRun | null {
    if (depth < 1 || this.depthAt(column) < depth) return null;
    let start = column;
    let end = column;
    while (start > 1 && this.depthAt(start - 1) >= depth) start--;
    while (this.depthAt(end + 1) >= depth) end++;
    return { start, end, depth };
  }

  /** Every group, shallow first, left to right. */
  runs(): ColumnRun[] {
    const out: ColumnRun[] = [];
    const last = Math.max(0, ...this.depths.keys());
    for (let depth = 1; depth <= MAX_GROUP_DEPTH; depth++) {
      for (let c = 1; c <= last; c++) {
        const run = this.runAt(c, depth);
        if (run && run.start === c) out.push(run);
      }
    }
    return out;
  }

  isCollapsed(run: ColumnRun): boolean {
    return ((this.collapsed.get(run.start) ?? 0) & (1 << run.depth)) !== 0;
  }

  setCollapsed(run: ColumnRun, collapsed: boolean): void {
    for (let c = run.start; c <= run.end; c++) {
      const mask = collapsed
        ? (this.collapsed.get(c) ?? 0) | (1 << run.depth)
        : (this.collapsed.get(c) ?? 0) & ~(1 << run.depth);
      if (mask === 0) this.collapsed.delete(c);
      else this.collapsed.set(c, mask);
    }
  }

  /** Columns inserted inside a group join it (the shallower of their two neighbours' depths). */
  insert(at: number, count: number): void {
    const inside = Math.min(this.depthAt(at - 1), this.depthAt(at));
    const insideMask = (this.collapsed.get(at - 1) ?? 0) & (this.collapsed.get(at) ?? 0);
    shiftKeys(this.depths, at, count);
    shiftKeys(this.collapsed, at, count);
    for (let c = at; c < at + count; c++) {
      if (inside > 0) this.depths.set(c, inside);
      if (inside > 0 && insideMask !== 0) this.collapsed.set(c, insideMask);
    }
  }

  delete(at: number, count: number): void {
    for (const map of [this.depths, this.collapsed]) {
      for (const [k, v] of [...map.entries()].sort((a, b) => a[0] - b[0])) {
        if (k < at) continue;
        map.delete(k);
        if (k >= at + count) map.set(k - count, v);
      }
    }
  }

  exportState(): ColumnGroupsState {
    return { depths: [...this.depths], collapsed: [...this.collapsed] };
  }

  loadState(state: ColumnGroupsState | undefined): void {
    for (const [k, v] of state?.depths ?? []) this.depths.set(k, v);
    for (const [k, v] of state?.collapsed ?? []) this.collapsed.set(k, v);
  }
}

function shiftKeys<V>(map: Map<number, V>, at: number, count: number): void {
  for (const [k, v] of [...map.entries()].sort((a, b) => b[0] - a[0])) {
    if (k < at) continue;
    map.delete(k);
    map.set(k + count, v);
  }
}
