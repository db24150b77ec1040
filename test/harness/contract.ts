/**
 * Contract checks for requests the simulator recorded: GOWA's OpenAPI spec (simulator/specValidator.js) plus what
 * the real server enforces beyond it (simulator/realServerRules.js: Go binding types and the ozzo validations —
 * link caption required, latitude/longitude as strings, poll options unique, …, NOTES §10). Plus small readers
 * that turn a recorded JSON or multipart body into plain fields for exact assertions.
 */
import { join } from 'node:path';

import type { RecordedRequest } from './simulator';
import { SIMULATOR_DIR } from './simulator';
import { nextSpecPath, specPath } from './spec';

interface SpecValidator {
	loadSpec(path?: string): unknown;
	validateRequest(spec: unknown, recorded: unknown): { valid: boolean; errors: string[]; warnings: string[]; operationId: string | null };
	findOperation(spec: unknown, method: string, path: string): { operationId: string } | undefined;
}

interface ScheduleRules {
	checkScheduleFields(operationId: string, input: unknown): null | { status: number; code: string; message: string };
}

interface RealServerRules {
	checkRequest(operationId: string, input: unknown): { request: unknown; error: null | { status: number; code: string; message: string } };
}

let validator: SpecValidator | undefined;
let rules: RealServerRules | undefined;
let scheduleRules: ScheduleRules | undefined;
let spec: unknown;
let nextSpec: unknown;

/** GOWA version whose contract a request is checked against: the pinned v9.2 spec, or the v9.5 copy. */
export type ContractVersion = '9.2' | '9.5';

function load(version: ContractVersion = '9.2'): { validator: SpecValidator; rules: RealServerRules; spec: unknown } {
	validator ??= require(join(SIMULATOR_DIR, 'specValidator.js')) as SpecValidator;
	rules ??= require(join(SIMULATOR_DIR, 'realServerRules.js')) as RealServerRules;
	// The checks a v9.5 server adds: its new operations' binding and validation, and the schedule fields of the sends.
	require(join(SIMULATOR_DIR, 'rulesV95.js'));
	scheduleRules ??= require(join(SIMULATOR_DIR, 'schedules.js')) as ScheduleRules;
	if (version === '9.5') {
		if (!nextSpecPath) throw new Error('GOWA v9.5 openapi not found: wrap v9.5 contract tests in describeContractNext()');
		nextSpec ??= validator.loadSpec(nextSpecPath);
		return { validator, rules, spec: nextSpec };
	}
	if (!specPath) throw new Error('GOWA openapi.yaml not found: wrap contract tests in describeContract()');
	spec ??= validator.loadSpec(specPath);
	return { validator, rules, spec };
}

/** Whether the pinned v9.2 spec documents this request's operation. */
export function inPinnedSpec(recorded: RecordedRequest): boolean {
	const { validator: v, spec: s } = load('9.2');
	return v.findOperation(s, recorded.method, recorded.path) !== undefined;
}

export interface FileField {
	contentType: string;
	fileName: string;
	bytes: Buffer;
}

/** A recorded request's body as plain data: JSON as parsed, multipart fields (single values unwrapped) and files. */
export function bodyOf(recorded: RecordedRequest): { json?: unknown; fields: Record<string, string | string[]>; files: Record<string, FileField> } {
	const form = recorded.form as { fields?: Record<string, string[]>; files?: Record<string, FileField> } | undefined;
	const fields: Record<string, string | string[]> = {};
	for (const [key, values] of Object.entries(form?.fields ?? {})) fields[key] = values.length === 1 ? values[0] : values;
	const files: Record<string, FileField> = {};
	for (const [key, file] of Object.entries(form?.files ?? {})) files[key] = { contentType: file.contentType, fileName: file.fileName, bytes: Buffer.from(file.bytes) };
	return { json: recorded.json, fields, files };
}

export function mediaTypeOf(recorded: RecordedRequest): string {
	const header = (recorded.contentType as string | undefined) ?? String(recorded.headers['content-type'] ?? '');
	return header.split(';')[0].trim().toLowerCase();
}

/**
 * Everything wrong with a recorded request: spec violations (errors, not warnings) and the real server's binding
 * and validation failure, if any. Empty when GOWA would accept it. `version` '9.5' checks against the v9.5 spec copy
 * and adds what a v9.5 server enforces beyond it (schedule fields: time zone, future time, weekdays, …).
 */
export function contractProblems(recorded: RecordedRequest, version: ContractVersion = '9.2'): string[] {
	const { validator: v, rules: r, spec: s } = load(version);
	const problems: string[] = [];
	const specResult = v.validateRequest(s, recorded);
	problems.push(...specResult.errors.map((error) => `spec: ${error}`));
	const operationId = specResult.operationId ?? recorded.operationId;
	if (operationId) {
		const entry = v.findOperation(s, recorded.method, recorded.path) as { params?: Record<string, string> } | undefined;
		const input = {
			contentType: recorded.contentType,
			rawBody: recorded.rawBody,
			json: recorded.json,
			jsonError: recorded.jsonError,
			form: recorded.form,
			query: recorded.queryAll ?? {},
			params: entry?.params ?? {},
		};
		const { error } = r.checkRequest(operationId, input);
		if (error) problems.push(`real server: ${error.status} ${error.code} ${error.message}`);
		const scheduleError = version === '9.5' ? scheduleRules?.checkScheduleFields(operationId, input) : null;
		if (scheduleError) problems.push(`real server (v9.5): ${scheduleError.status} ${scheduleError.code} ${scheduleError.message}`);
	}
	return problems;
}

/** Asserts the request is valid for the spec and the real server, and that the simulator answered 2xx. */
export function expectContract(recorded: RecordedRequest, version: ContractVersion = '9.2'): void {
	expect({ request: `${recorded.method} ${recorded.path}`, problems: contractProblems(recorded, version) }).toEqual({
		request: `${recorded.method} ${recorded.path}`,
		problems: [],
	});
	const status = (recorded.response as { status?: number } | null | undefined)?.status;
	if (status !== undefined && status !== null) expect({ request: `${recorded.method} ${recorded.path}`, status }).toEqual({ request: `${recorded.method} ${recorded.path}`, status: 200 });
}

/** The Basic auth header n8n sends for this pair. */
export function basicAuth(username: string, password: string): string {
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
