import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lilconfigSync } from 'lilconfig';
import { parse as parseYaml } from 'yaml';
import { cachedValidator } from '../../contract/cached-validator.ts';
import { createAjv } from '../../contract/create-ajv.ts';

/** `conformance.config.{json,yaml,yml}` or the `conformance` key of package.json. Paths are relative to the file. */
export interface ProjectConfig {
  /** Contract files or folders. @default ./contracts when it exists, else the shipped contracts */
  readonly contracts?: string;
  /** Recordings folder. @default ./recordings when it exists, else the shipped recordings */
  readonly recordings?: string;
  /** Where commands write by default (record: <out>/recordings). @default ./out */
  readonly out?: string;
}

/** The paths commands use by default in the working directory's project. */
export interface ProjectPaths {
  readonly contracts: string;
  readonly recordings: string;
  readonly out: string;
  /** The config file that set them, if any. */
  readonly configFile?: string;
  /** Why the config file could not be used (the CLI exits 2 with it). */
  readonly problem?: string;
}

/** Where the config may live, searched from the working directory upwards. */
export const CONFIG_PLACES = ['package.json', 'conformance.config.json', 'conformance.config.yaml', 'conformance.config.yml'] as const;

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    contracts: { type: 'string', minLength: 1 },
    recordings: { type: 'string', minLength: 1 },
    out: { type: 'string', minLength: 1 },
  },
};

/**
 * Resolve the project's contracts, recordings and out/ from `cwd`: a config file (found with lilconfig)
 * first, then `./contracts` and `./recordings` when they exist, then what the package ships.
 * Never throws: a broken config file comes back as `problem`.
 */
export function resolveProjectPaths(cwd: string, shipped: { readonly contracts: string; readonly recordings: string }): ProjectPaths {
  const fallback = (): ProjectPaths => ({
    contracts: isDir(resolve(cwd, 'contracts')) ? resolve(cwd, 'contracts') : shipped.contracts,
    recordings: isDir(resolve(cwd, 'recordings')) ? resolve(cwd, 'recordings') : shipped.recordings,
    out: resolve(cwd, 'out'),
  });
  let found: { filepath: string; config: unknown } | null;
  try {
    const yaml = (_path: string, content: string): unknown => parseYaml(content) as unknown;
    found = lilconfigSync('conformance', { searchPlaces: [...CONFIG_PLACES], loaders: { '.yaml': yaml, '.yml': yaml } }).search(cwd);
  } catch (error) {
    return { ...fallback(), problem: `Cannot read the conformance config: ${(error as Error).message.split('\n')[0] ?? ''}` };
  }
  if (found === null || found.config === undefined) return fallback();
  // Every command reads the config: its validator is compiled once, across runs (see cachedValidator).
  const validate = cachedValidator(`project-config\0${JSON.stringify(SCHEMA)}`, () => {
    const ajv = createAjv({ code: { source: true } });
    return { ajv, validate: ajv.compile(SCHEMA) };
  });
  if (!validate(found.config)) {
    const why = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
    return { ...fallback(), configFile: found.filepath, problem: `${found.filepath}: the conformance config must be { contracts?, recordings?, out? } of paths: ${why}` };
  }
  const config = found.config as ProjectConfig;
  const base = dirname(found.filepath);
  const defaults = fallback();
  const contracts = config.contracts === undefined ? defaults.contracts : resolve(base, config.contracts);
  return {
    contracts,
    recordings: config.recordings === undefined ? defaults.recordings : resolve(base, config.recordings),
    out: config.out === undefined ? defaults.out : resolve(base, config.out),
    configFile: found.filepath,
  };
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
