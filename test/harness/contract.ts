/**
 * Contract checks for requests the simulator recorded: GOWA's OpenAPI spec (simulator/specValidator.js) plus what
 * the real server enforces beyond it (simulator/realServerRules.js: Go binding types and the ozzo validations —
 * link caption required, latitude/longitude as strings, poll options unique, …, NOTES §10). Plus small readers
 * that turn a recorded JSON or multipart body into plain fields for exact assertions.
 */
import { join } from 'node:path';

import type { RecordedRequest } from './simulator';
import { SIMULATOR_DIR } from './simulator';
import { specPath } from './spec';

interface SpecValidator {
	loadSpec(path?: string): unknown;
	validateRequest(spec: unknown, recorded: unknown): { valid: boolean; errors: string[]; warnings: string[]; operationId: string | null };
	findOperation(spec: unknown, method: string, path: string): { operationId: string } | undefined;
}

interface RealServerRules {
	checkRequest(operationId: string, input: unknown): { request: unknown; error: null | { status: number; code: string; message: string } };
}

let validator: SpecValidator | undefined;
let rules: RealServerRules | undefined;
let spec: unknown;

function load(): { validator: SpecValidator; rules: RealServerRules; spec: unknown } {
	validator ??= require(join(SIMULATOR_DIR, 'specValidator.js')) as SpecValidator;
	rules ??= require(join(SIMULATOR_DIR, 'realServerRules.js')) as RealServerRules;
	if (!specPath) throw new Error('GOWA openapi.yaml not found: wrap contract tests in describeContract()');
	spec ??= validator.loadSpec(specPath);
	return { validator, rules, spec };
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
 * and validation failure, if any. Empty when GOWA would accept it.
 */
export function contractProblems(recorded: RecordedRequest): string[] {
	const { validator: v, rules: r, spec: s } = load();
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
	}
	return problems;
}

/** Asserts the request is valid for the spec and the real server, and that the simulator answered 2xx. */
export function expectContract(recorded: RecordedRequest): void {
	expect({ request: `${recorded.method} ${recorded.path}`, problems: contractProblems(recorded) }).toEqual({
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
