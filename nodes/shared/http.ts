import type { IDataObject } from 'n8n-workflow';

/** Small HTTP readers every provider transport needs (GOWA and WhatsApp Cloud). */

/** The error and its causes, outermost first. */
function errorChain(error: unknown): Array<{ code?: unknown; message?: unknown }> {
	const chain: Array<{ code?: unknown; message?: unknown; cause?: unknown }> = [];
	let current: unknown = error;
	while (current && typeof current === 'object' && !chain.includes(current) && chain.length < 10) {
		chain.push(current);
		current = (current as { cause?: unknown }).cause;
	}
	return chain;
}

/**
 * The network-level error code of a request failure, searched along its causes. A code anywhere in the chain wins
 * over wording: Node's network codes (ECONNRESET…), axios' (ERR_BAD_RESPONSE…) and TLS codes (CERT_HAS_EXPIRED…).
 */
export function networkCodeOf(error: unknown): string | undefined {
	const chain = errorChain(error);
	for (const candidate of chain) {
		if (typeof candidate.code === 'string' && /^[A-Z][A-Z0-9_]{2,}$/.test(candidate.code)) return candidate.code;
	}
	for (const { message } of chain) {
		if (typeof message !== 'string') continue;
		const match = message.match(/\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ECONNABORTED|EPIPE|EHOSTUNREACH|ENETUNREACH)\b/);
		if (match) return match[1];
		if (/timeout of \d+ms exceeded/i.test(message)) return 'ETIMEDOUT';
		if (/socket hang up/i.test(message)) return 'ECONNRESET';
		if (/stream has been aborted|premature close/i.test(message)) return 'ERR_BAD_RESPONSE';
	}
	return undefined;
}

/** The answer body as bytes, whatever shape the request helper handed back. */
export function bodyBuffer(raw: unknown): Buffer {
	if (Buffer.isBuffer(raw)) return raw;
	if (raw instanceof ArrayBuffer) return Buffer.from(raw);
	return Buffer.from(typeof raw === 'string' ? raw : JSON.stringify(raw ?? ''));
}

/** `Retry-After` in ms (seconds or an HTTP date), if the server sent one. */
export function retryAfterMs(headers: IDataObject): number | undefined {
	const value = headers['retry-after'];
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Percent-decodes a file name; a name that is not valid percent-encoding (`Diskon 50%.pdf`) is kept as it is. */
export function decodeFileName(name: string): string {
	try {
		return decodeURIComponent(name);
	} catch {
		return name;
	}
}

/**
 * The file name of a Content-Disposition header, if any. Only the RFC 5987 form (`filename*=UTF-8''…`) is
 * percent-encoded; a plain `filename="…"` is taken literally.
 */
export function dispositionFileName(headers: IDataObject): string | undefined {
	const disposition = headers['content-disposition'];
	const match = typeof disposition === 'string' ? disposition.match(/filename(\*?)=(?:UTF-8'')?"?([^";]+)"?/i) : null;
	if (!match) return undefined;
	return match[1] === '*' ? decodeFileName(match[2]) : match[2];
}
