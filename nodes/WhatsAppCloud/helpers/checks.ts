import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Client-side checks of Meta's limits (NOTES §2), so bad input fails before anything is sent. */
export class Checker {
	constructor(
		private readonly context: IExecuteFunctions,
		readonly itemIndex: number,
	) {}

	fail(message: string, description?: string): never {
		throw new NodeOperationError(this.context.getNode(), message, { itemIndex: this.itemIndex, description });
	}

	/** A string parameter (or value), trimmed; `required` rejects empty; `max` counts characters as WhatsApp does. */
	text(value: unknown, label: string, max: number, required = true): string {
		const textValue = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
		if (textValue === '') {
			if (required) this.fail(`${label} is empty`, `Enter ${label} (up to ${max} characters).`);
			return '';
		}
		const length = [...textValue].length;
		if (length > max) this.fail(`${label} has ${length} characters; WhatsApp allows at most ${max}`, `Shorten ${label}.`);
		return textValue;
	}

	param(name: string, label: string, max: number, required = true): string {
		return this.text(this.context.getNodeParameter(name, this.itemIndex, ''), label, max, required);
	}

	url(value: unknown, label: string): string {
		const raw = typeof value === 'string' ? value.trim() : '';
		let parsed: URL | undefined;
		try {
			parsed = new URL(raw);
		} catch {
			parsed = undefined;
		}
		if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
			this.fail(`${label} "${raw.slice(0, 200)}" is not an http(s) URL`, 'Meta fetches the address itself, so it must be a public http(s) URL, e.g. https://example.com/photo.jpg.');
		}
		return parsed.toString();
	}

	count<T>(list: T[], label: string, min: number, max: number): T[] {
		if (list.length < min || list.length > max) {
			this.fail(`${label}: ${list.length} given; WhatsApp needs ${min === max ? min : `${min} to ${max}`}`, `Give between ${min} and ${max} ${label.toLowerCase()}.`);
		}
		return list;
	}

	unique(values: string[], label: string): void {
		const seen = new Set<string>();
		for (const value of values) {
			if (seen.has(value)) this.fail(`${label} "${value}" appears twice`, `Each ${label.toLowerCase()} must be unique.`);
			seen.add(value);
		}
	}

	number(value: unknown, label: string, min: number, max: number): number {
		const parsed = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
		if (!Number.isFinite(parsed) || parsed < min || parsed > max) this.fail(`${label} "${String(value)}" is not a number between ${min} and ${max}`);
		return parsed;
	}

	/** A JSON parameter: already an object/array (expression), or text to parse. */
	json(value: unknown, label: string): unknown {
		if (typeof value !== 'string') return value;
		if (value.trim() === '') this.fail(`${label} is empty`);
		try {
			return JSON.parse(value);
		} catch (error) {
			return this.fail(`${label} is not valid JSON`, (error as Error).message);
		}
	}

	/** A Graph ID (phone number, media, template, WABA): digits only. */
	graphId(value: unknown, label: string): string {
		const id = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
		if (!/^\d{1,30}$/.test(id)) this.fail(`${label} "${id.slice(0, 60)}" is not a Graph ID`, `${label} is a number such as 106540352242922.`);
		return id;
	}

	/** A WhatsApp message ID (wamid.…) as replies, reactions and mark-as-read need it. */
	messageId(value: unknown, label: string): string {
		const id = typeof value === 'string' ? value.trim() : '';
		if (id === '' || id.length > 512 || /\s/.test(id)) this.fail(`${label} "${id.slice(0, 60)}" is not a WhatsApp message ID`, 'Use the wamid.… ID from a send result or an incoming message.');
		return id;
	}
}
