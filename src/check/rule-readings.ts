import type { Violation } from '../model/violation.ts';
import type { RuleInput } from '../rules/evaluate-rules.ts';

/**
 * What one rule evaluation read of its input, in order, and the violations it gave. Each reading is an
 * operation on one object of the input (a node: 0 is `data`, 1 is `header`, later ones are objects
 * reached from them) and what it found; see {@link replays}.
 */
export interface Reading {
  readonly roots: readonly [unknown, unknown];
  readonly steps: readonly Step[];
  readonly violations: readonly Violation[];
}

/** One operation on a node, what it found (a primitive, a function, or the kind of object), and the node an object found became. */
interface Step {
  readonly node: number;
  readonly op: 'get' | 'has' | 'keys' | 'own' | 'proto';
  readonly key: PropertyKey;
  readonly found: unknown;
  /** For `own`: the descriptor's flags, as `enumerable/configurable/writable/accessor` (absent: no such property). */
  readonly flags?: string;
  readonly child?: number;
}

/** Kinds of object a reading can find: only plain JSON-like data is read through a view. */
const ARRAY = Symbol('array');
const OBJECT = Symbol('object');
const NO_PROTO = Symbol('object without prototype');
const OTHER = Symbol('other object');

/** What a reading keeps of a value: a primitive or function itself, an object only by kind (its contents are read step by step). */
function summary(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (Array.isArray(value)) return proto === Array.prototype ? ARRAY : OTHER;
  return proto === Object.prototype ? OBJECT : proto === null ? NO_PROTO : OTHER;
}

/** The input seen through recording views, and how to end the recording. */
export interface Recording {
  readonly input: RuleInput;
  /** The reading, or undefined when the evaluation did something a reading cannot stand for (wrote to the input, met an object that is not plain data). */
  finish(violations: readonly Violation[]): Reading | undefined;
}

/** Start recording what an evaluation reads of `input`; undefined when its data (or header) is not a plain object or array, or both are one object. */
export function readingsOf(input: RuleInput): Recording | undefined {
  const roots: [unknown, unknown] = [summary(input.data), summary(input.header)];
  if (!isPlain(roots[0]) || (input.header !== undefined && !isPlain(roots[1])) || input.header === input.data) return undefined;
  const steps: Step[] = [];
  const views = new WeakMap<object, { readonly view: object; readonly node: number }>();
  let nodes = 2;
  let spoiled = false;
  /** What a property read gives the evaluation: a view of a plain object or array (a new node if first met), anything else as it is. */
  const shown = (target: object, key: PropertyKey, value: unknown): { readonly value: unknown; readonly child?: number } => {
    if (typeof value !== 'object' || value === null) return { value };
    if (!isPlain(summary(value)) || !wrappable(target, key)) {
      spoiled = true;
      return { value };
    }
    const known = views.get(value);
    if (known !== undefined) return { value: known.view, child: known.node };
    const child = nodes++;
    return { value: viewOf(value, child), child };
  };
  const viewOf = (target: object, node: number): object => {
    const view: object = new Proxy(target, {
      get(t, key) {
        const value: unknown = Reflect.get(t, key);
        const out = shown(t, key, value);
        steps.push({ node, op: 'get', key, found: summary(value), ...(out.child === undefined ? {} : { child: out.child }) });
        return out.value;
      },
      has(t, key) {
        const held = Reflect.has(t, key);
        steps.push({ node, op: 'has', key, found: held });
        return held;
      },
      ownKeys(t) {
        const keys = Reflect.ownKeys(t);
        steps.push({ node, op: 'keys', key: '', found: keys });
        return keys;
      },
      getOwnPropertyDescriptor(t, key) {
        const d = Reflect.getOwnPropertyDescriptor(t, key);
        if (d === undefined || !('value' in d)) {
          if (d !== undefined) spoiled = true; // an accessor: reading it could run code the reading does not see
          steps.push({ node, op: 'own', key, found: undefined, ...(d === undefined ? {} : { flags: flagsOf(d) }) });
          return d;
        }
        const value: unknown = d.value;
        const out = shown(t, key, value);
        steps.push({ node, op: 'own', key, found: summary(value), flags: flagsOf(d), ...(out.child === undefined ? {} : { child: out.child }) });
        return { ...d, value: out.value };
      },
      getPrototypeOf(t) {
        const proto = Reflect.getPrototypeOf(t);
        steps.push({ node, op: 'proto', key: '', found: proto });
        return proto;
      },
      isExtensible(t) {
        const open = Reflect.isExtensible(t);
        if (!open) spoiled = true;
        return open;
      },
      // Writing to the input is not reading it: such an evaluation is not remembered (the write still happens).
      set(t, key, value) {
        spoiled = true;
        return Reflect.set(t, key, value);
      },
      defineProperty(t, key, d) {
        spoiled = true;
        return Reflect.defineProperty(t, key, d);
      },
      deleteProperty(t, key) {
        spoiled = true;
        return Reflect.deleteProperty(t, key);
      },
      preventExtensions(t) {
        spoiled = true;
        return Reflect.preventExtensions(t);
      },
      setPrototypeOf(t, proto) {
        spoiled = true;
        return Reflect.setPrototypeOf(t, proto);
      },
    });
    views.set(target, { view, node });
    return view;
  };
  const data = viewOf(input.data as object, 0);
  const header = input.header === undefined ? undefined : viewOf(input.header as object, 1);
  return {
    input: header === undefined ? { data } : { data, header },
    finish: (violations) => (spoiled ? undefined : { roots, steps, violations }),
  };
}

/**
 * Whether `input` answers every step of the reading as the recorded evaluation's input did: each
 * node found by the same steps, each property got, tested, listed and described the same (objects by
 * kind, each a distinct object as it was), so the evaluation would take the same steps on it.
 */
export function replays(reading: Reading, input: RuleInput): boolean {
  if (summary(input.data) !== reading.roots[0] || summary(input.header) !== reading.roots[1] || input.header === input.data) return false;
  const nodes: unknown[] = [input.data, input.header];
  for (const step of reading.steps) {
    const target = nodes[step.node];
    if (typeof target !== 'object' || target === null) return false;
    if (!replaysStep(step, target, nodes)) return false;
  }
  return true;
}

function replaysStep(step: Step, target: object, nodes: unknown[]): boolean {
  switch (step.op) {
    case 'get': {
      const value: unknown = Reflect.get(target, step.key);
      return summary(value) === step.found && reachedAs(step, value, nodes);
    }
    case 'has':
      return Reflect.has(target, step.key) === step.found;
    case 'keys': {
      const keys = Reflect.ownKeys(target);
      const was = step.found as readonly PropertyKey[];
      return keys.length === was.length && keys.every((k, i) => k === was[i]);
    }
    case 'own': {
      const d = Reflect.getOwnPropertyDescriptor(target, step.key);
      if (d === undefined) return step.flags === undefined;
      if (flagsOf(d) !== step.flags) return false;
      const value: unknown = 'value' in d ? d.value : undefined;
      return summary(value) === step.found && reachedAs(step, value, nodes);
    }
    case 'proto':
      return Reflect.getPrototypeOf(target) === step.found;
  }
}

/** An object found where the recorded one became node `child`: the same object as that node, or a new one no other node is. */
function reachedAs(step: Step, value: unknown, nodes: unknown[]): boolean {
  if (step.child === undefined) return true;
  const at = nodes[step.child];
  if (at !== undefined) return at === value;
  if (nodes.includes(value)) return false;
  nodes[step.child] = value;
  return true;
}

function flagsOf(d: PropertyDescriptor): string {
  return `${d.enumerable === true}/${d.configurable === true}/${d.writable === true}/${d.get !== undefined || d.set !== undefined}`;
}

function isPlain(kind: unknown): boolean {
  return kind === ARRAY || kind === OBJECT || kind === NO_PROTO;
}

/** False where a view may not stand in for the value (a proxy must give a non-configurable, non-writable property's own value). */
function wrappable(target: object, key: PropertyKey): boolean {
  const d = Reflect.getOwnPropertyDescriptor(target, key);
  return d === undefined || d.configurable === true || d.writable === true;
}
