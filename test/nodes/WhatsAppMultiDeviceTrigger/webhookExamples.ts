/**
 * The webhook examples of GOWA's own documentation (webhook-payload.md), read at test time — the file is not
 * part of this repository. Tests find it at `$GOWA_WEBHOOK_DOC`, else `../shared/gowa/webhook-payload.md`
 * (relative to the project root); without it they are skipped with a message saying where to get it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { PROJECT_ROOT } from '../../harness/registry';

export const WEBHOOK_DOC_HINT =
	"GOWA's webhook documentation is not available. Set GOWA_WEBHOOK_DOC to its path, or put it at " +
	'../shared/gowa/webhook-payload.md (relative to the project root). Get it from GOWA’s repository ' +
	'(aldinokemal/go-whatsapp-web-multidevice), file docs/webhook-payload.md.';

export interface WebhookExample {
	/** `<section heading> #<n>` (n counts the examples under that heading), e.g. `Image Message #2`. */
	name: string;
	/** The JSON text exactly as in the document. */
	text: string;
	body: { event: string; device_id: string; session_id?: string; timestamp?: string; payload: Record<string, unknown> };
}

export function findWebhookDoc(): string | undefined {
	for (const candidate of [process.env.GOWA_WEBHOOK_DOC, join(PROJECT_ROOT, '..', 'shared', 'gowa', 'webhook-payload.md')]) {
		if (candidate && existsSync(resolve(PROJECT_ROOT, candidate))) return resolve(PROJECT_ROOT, candidate);
	}
	return undefined;
}

/** Every ```json block of the document that is a complete webhook delivery ({event, device_id, payload}). */
export function extractWebhookExamples(markdown: string): WebhookExample[] {
	const examples: WebhookExample[] = [];
	const perHeading = new Map<string, number>();
	let heading = '(no heading)';
	const lines = markdown.split('\n');
	for (let index = 0; index < lines.length; index++) {
		const headingMatch = /^#{2,4}\s+(.*)$/.exec(lines[index]);
		if (headingMatch) heading = headingMatch[1].trim();
		if (lines[index].trim() !== '```json') continue;
		const block: string[] = [];
		for (index++; index < lines.length && lines[index].trim() !== '```'; index++) block.push(lines[index]);
		const text = block.join('\n');
		let body: unknown;
		try {
			body = JSON.parse(text);
		} catch {
			continue; // e.g. the schema sketch with "// Event-specific fields"
		}
		if (typeof body !== 'object' || body === null) continue;
		const candidate = body as WebhookExample['body'];
		if (typeof candidate.event !== 'string' || typeof candidate.payload !== 'object' || candidate.payload === null) continue;
		const count = (perHeading.get(heading) ?? 0) + 1;
		perHeading.set(heading, count);
		examples.push({ name: `${heading} #${count}`, text, body: candidate });
	}
	return examples;
}

const docPath = findWebhookDoc();

export const webhookExamples: WebhookExample[] = docPath ? extractWebhookExamples(readFileSync(docPath, 'utf8')) : [];

let warned = false;

/** `describe` that runs when the document exists and is skipped (saying where to get it) when it does not. */
export function describeWithWebhookDoc(name: string, body: () => void): void {
	if (docPath) {
		describe(name, body);
		return;
	}
	if (!warned) {
		warned = true;
		process.stderr.write(`\n[webhook example tests skipped] ${WEBHOOK_DOC_HINT}\n`);
	}
	describe.skip(`${name} (skipped: webhook-payload.md not found — see GOWA_WEBHOOK_DOC)`, body);
}
