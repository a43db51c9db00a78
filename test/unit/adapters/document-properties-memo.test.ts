/**
 * The document's properties under the lock: one read of the whole store answers every key, writes go
 * through and into the copy, and the copy never outlives the lock (taken or released, it is dropped),
 * so a value read before the lock — which another execution may have changed since — is never used
 * under it.
 */
import { LockScopedProperties } from '../../../src/server/adapters/document-properties-memo';

type Properties = GoogleAppsScript.Properties.Properties;

function fakeStore(initial: Record<string, string>) {
  const data = { ...initial };
  const calls: string[] = [];
  const store = {
    getProperty: (k: string) => (calls.push(`get ${k}`), data[k] ?? null),
    getProperties: () => (calls.push('getAll'), { ...data }),
    getKeys: () => (calls.push('keys'), Object.keys(data)),
    setProperty: (k: string, v: string) => (calls.push(`set ${k}`), (data[k] = v), store),
    setProperties: (values: Record<string, string>, deleteAllOthers?: boolean) => {
      calls.push('setAll');
      if (deleteAllOthers) for (const k of Object.keys(data)) delete data[k];
      Object.assign(data, values);
      return store;
    },
    deleteProperty: (k: string) => (calls.push(`delete ${k}`), delete data[k], store),
    deleteAllProperties: () => (calls.push('deleteAll'), store),
  };
  return { store: store as unknown as Properties, data, calls };
}

test('outside the lock every read goes to the store', () => {
  const { store, calls } = fakeStore({ a: '1', b: '2' });
  const props = new LockScopedProperties(store);
  expect(props.getProperty('a')).toBe('1');
  expect(props.getProperty('b')).toBe('2');
  expect(calls).toEqual(['get a', 'get b']);
});

test('under the lock, one read of the store answers every key, and writes land in both', () => {
  const { store, data, calls } = fakeStore({ a: '1', b: '2' });
  const props = new LockScopedProperties(store);
  props.lockChanged(true);
  expect(props.getProperty('a')).toBe('1');
  expect(props.getProperty('b')).toBe('2');
  expect(props.getProperty('missing')).toBeNull();
  props.setProperty('c', '3');
  props.setProperties({ d: '4' });
  props.deleteProperty('a');
  expect(props.getProperty('c')).toBe('3');
  expect(props.getProperty('d')).toBe('4');
  expect(props.getProperty('a')).toBeNull();
  expect(props.getKeys().sort()).toEqual(['b', 'c', 'd']);
  expect(calls).toEqual(['getAll', 'set c', 'setAll', 'delete a']);
  expect(data).toEqual({ b: '2', c: '3', d: '4' });
});

test('taking or releasing the lock drops the copy: a change made meanwhile by another execution is seen', () => {
  const { store, data } = fakeStore({ checkpoint: 'seq 1' });
  const props = new LockScopedProperties(store);
  props.lockChanged(true);
  expect(props.getProperty('checkpoint')).toBe('seq 1');
  props.lockChanged(false);
  data.checkpoint = 'seq 2'; // another execution appended while this one did not hold the lock
  expect(props.getProperty('checkpoint')).toBe('seq 2');
  props.lockChanged(true);
  data.checkpoint = 'seq 3';
  expect(props.getProperty('checkpoint')).toBe('seq 3');
});
