import type { Check } from './check.ts';
import { coverage } from './contract/coverage.ts';
import { casesDistinct } from './contract/cases-distinct.ts';
import { recordingsRedacted } from './contract/recordings-redacted.ts';
import { recordingsFresh } from './contract/recordings-fresh.ts';
import { recordingsValid } from './contract/recordings-valid.ts';
import { responsesExercised } from './contract/responses-exercised.ts';
import { buildFromInput } from './request-building/build-from-input.ts';
import { envelope } from './request-building/envelope.ts';
import { namespaces } from './request-building/namespaces.ts';
import { sequence } from './request-building/sequence.ts';
import { soapVersion } from './request-building/soap-version.ts';
import { mustUnderstand } from './request-building/must-understand.ts';
import { requestSchema } from './request-building/request-schema.ts';
import { requestRules } from './request-building/request-rules.ts';
import { vendorVersion } from './request-building/vendor-version.ts';
import { soapAction } from './request-building/soap-action.ts';
import { transport } from './request-building/transport.ts';
import { responseDocumented } from './response-parsing/documented.ts';
import { responseReadable } from './response-parsing/readable.ts';
import { responseRules } from './response-parsing/response-rules.ts';
import { responseSchema } from './response-parsing/response-schema.ts';
import { clientAutoCreate, omitClears, partialUpdate } from './request-building/behaviours.ts';
import { itemSetActions, notesAccumulate } from './scenarios/behaviours.ts';
import { scenarioExchange } from './scenarios/exchange.ts';
import { scenarioOutcome } from './scenarios/outcome.ts';

/** Every check, in suite order (contract, request-building, response-parsing, scenarios). */
export const CHECKS: readonly Check[] = [
  recordingsValid,
  recordingsRedacted,
  recordingsFresh,
  casesDistinct,
  coverage,
  responsesExercised,
  buildFromInput,
  transport,
  soapAction,
  envelope,
  soapVersion,
  mustUnderstand,
  namespaces,
  sequence,
  requestSchema,
  requestRules,
  vendorVersion,
  partialUpdate,
  omitClears,
  clientAutoCreate,
  responseReadable,
  responseDocumented,
  responseSchema,
  responseRules,
  scenarioExchange,
  scenarioOutcome,
  notesAccumulate,
  itemSetActions,
];

export type { Check, CaseCheck, CaseContext, ContractCheck, ContractContext, LoadedRecording } from './check.ts';
