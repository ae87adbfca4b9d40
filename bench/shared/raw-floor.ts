/**
 * The raw floor of a run: fast-xml-parser parsing plus ajv validation of the same request and response
 * bodies, with the codec's parser options, in one process, with nothing else. A run cannot be faster than this.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { createAjv } from '../../src/contract/create-ajv.ts';
import { XML_PARSER_OPTIONS } from '../../src/codec/xml/parse-ordered.ts';
import type { Har } from '../../src/recording/har.ts';

const parser = new XMLParser(XML_PARSER_OPTIONS);

async function harFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await harFiles(path)));
    else if (entry.name.endsWith('.har')) out.push(path);
  }
  return out;
}

/** Every request and response body of the recordings under `dir`. */
export async function collectBodies(dir: string): Promise<string[]> {
  const bodies: string[] = [];
  for (const file of await harFiles(dir)) {
    const har = JSON.parse(await readFile(file, 'utf8')) as Har;
    for (const entry of har.log.entries) {
      if (entry.request.postData?.text) bodies.push(entry.request.postData.text);
      if (entry.response.content.text) bodies.push(entry.response.content.text);
    }
  }
  return bodies;
}

/** Wall and CPU milliseconds to parse and validate every body once (after one warm-up pass). */
export function rawFloor(bodies: readonly string[]): { readonly ms: number; readonly cpuMs: number } {
  const ajv = createAjv();
  const xmlShape = ajv.compile({ type: 'array', items: { type: 'object', minProperties: 1 } });
  const jsonShape = ajv.compile({ type: ['object', 'array'] });
  const once = (): void => {
    for (const body of bodies) {
      const trimmed = body.trimStart();
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) jsonShape(JSON.parse(body));
      else if (trimmed.startsWith('<')) xmlShape(parser.parse(body));
    }
  };
  once();
  const started = performance.now();
  const cpu = process.cpuUsage();
  once();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}
