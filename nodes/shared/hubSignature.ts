import * as crypto from 'node:crypto';

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, secret)>`, the signature both GOWA and Meta put on their
 * webhooks. The HMAC is checked over the exact bytes received, never over re-serialised JSON, and compared in
 * constant time. Upper-case hex is accepted too: the digits are decoded to the same 32 bytes before the comparison,
 * so the case carries no information an attacker could use.
 */

export const SIGNATURE_HEADER = 'x-hub-signature-256';

const PREFIX = 'sha256=';
const HEX_DIGEST = /^[0-9a-fA-F]{64}$/;

export type SignatureFailure = 'noSecret' | 'missingHeader' | 'malformedHeader' | 'mismatch';

export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailure };

/** The header value a sender would put on these bytes. */
export function signBody(rawBody: Buffer | string, secret: string): string {
	return `${PREFIX}${crypto.createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Checks a received `X-Hub-Signature-256` header against the raw request body. */
export function verifySignature(rawBody: Buffer, header: unknown, secret: string): SignatureCheck {
	if (secret === '') return { valid: false, reason: 'noSecret' };
	if (header === undefined || header === null || header === '') return { valid: false, reason: 'missingHeader' };
	// A repeated header arrives as an array: never pick one of several signatures.
	if (typeof header !== 'string') return { valid: false, reason: 'malformedHeader' };
	const value = header.trim();
	if (!value.startsWith(PREFIX)) return { valid: false, reason: 'malformedHeader' };
	const digits = value.slice(PREFIX.length);
	if (!HEX_DIGEST.test(digits)) return { valid: false, reason: 'malformedHeader' };

	const expected = crypto.createHmac('sha256', secret).update(rawBody).digest();
	const received = Buffer.from(digits, 'hex');
	if (received.length !== expected.length) return { valid: false, reason: 'malformedHeader' };
	return crypto.timingSafeEqual(received, expected) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

/**
 * Whether a received token equals the expected one, in constant time whatever their lengths (both are hashed
 * first, so neither the content nor the length leaks through timing). An empty expected token never matches.
 */
export function sameToken(received: unknown, expected: string): boolean {
	if (expected === '' || typeof received !== 'string') return false;
	const digest = (value: string) => crypto.createHash('sha256').update(value, 'utf8').digest();
	return crypto.timingSafeEqual(digest(received), digest(expected));
}
