import { soapVersionViolations } from '../../src/protocols/soap/soap-version.ts';
import type { CaseCheck } from '../check.ts';
import { onRecorded } from './recorded.ts';

/** A SOAP 1.1 service gets SOAP 1.1: no SOAP 1.2 envelope, no SOAP 1.2 content type (the violation names the version). */
export const soapVersion: CaseCheck = {
  id: 'request.soap-version',
  title: 'SOAP 1.1 envelope and content type (SOAP 1.2 gets VersionMismatch or 415)',
  suite: 'request-building',
  scope: 'case',
  appliesTo: (contract) => contract.protocol === 'soap11',
  run: (ctx) => onRecorded(ctx, (r) => soapVersionViolations(r.request, r.message)),
};
