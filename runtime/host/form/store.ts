import type { World } from '../world';

/** All forms of the world. (Owned by the FormApp emulation.) */
export class FormStore {
  constructor(readonly world: World) {}
}
