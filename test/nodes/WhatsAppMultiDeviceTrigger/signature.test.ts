import * as crypto from 'node:crypto';

import { describeSignatureFailure, signBody, verifySignature } from '../../../nodes/WhatsAppMultiDeviceTrigger/signature';

const SECRET = 'tenant-a-webhook-secret';
// Bytes as GOWA sends them: Go's json.Marshal of a map, keys sorted, no spaces.
const RAW = Buffer.from(
	'{"device_id":"628123456789@s.whatsapp.net","event":"message","payload":{"body":"Jam 3 sore bisa? 🙏","chat_id":"628987654321@s.whatsapp.net","id":"3EB0C127D7BACC83D6A1"}}',
);

/** The signature computed independently of the module under test. */
function goSignature(body: Buffer, secret: string): string {
	return `sha256=${crypto.createHmac('sha256', Buffer.from(secret)).update(body).digest('hex')}`;
}

describe('X-Hub-Signature-256 verification', () => {
	test('signBody produces what GOWA sends: sha256= and lowercase hex', () => {
		expect(signBody(RAW, SECRET)).toBe(goSignature(RAW, SECRET));
		expect(signBody(RAW, SECRET)).toMatch(/^sha256=[0-9a-f]{64}$/);
	});

	test('valid signature over the exact bytes is accepted', () => {
		expect(verifySignature(RAW, goSignature(RAW, SECRET), SECRET)).toEqual({ valid: true });
	});

	test('wrong secret is refused', () => {
		expect(verifySignature(RAW, goSignature(RAW, 'secret'), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
	});

	test('missing header is refused', () => {
		expect(verifySignature(RAW, undefined, SECRET)).toEqual({ valid: false, reason: 'missingHeader' });
		expect(verifySignature(RAW, '', SECRET)).toEqual({ valid: false, reason: 'missingHeader' });
	});

	test('wrong or missing prefix is refused even when the digest is right', () => {
		const digest = goSignature(RAW, SECRET).slice('sha256='.length);
		for (const header of [digest, `sha1=${digest}`, `SHA256=${digest}`, `sha256:${digest}`, `sha256= ${digest}`]) {
			expect(verifySignature(RAW, header, SECRET)).toEqual({ valid: false, reason: 'malformedHeader' });
		}
	});

	test('a digest of the wrong length or with non-hex characters is refused before comparing', () => {
		const good = goSignature(RAW, SECRET);
		expect(verifySignature(RAW, good.slice(0, -2), SECRET)).toEqual({ valid: false, reason: 'malformedHeader' });
		expect(verifySignature(RAW, `${good}00`, SECRET)).toEqual({ valid: false, reason: 'malformedHeader' });
		expect(verifySignature(RAW, `${good.slice(0, -1)}g`, SECRET)).toEqual({ valid: false, reason: 'malformedHeader' });
	});

	test('one altered byte of the body is refused', () => {
		for (const position of [0, 40, RAW.length - 1]) {
			const altered = Buffer.from(RAW);
			altered[position] ^= 0x01;
			expect(verifySignature(altered, goSignature(RAW, SECRET), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
		}
	});

	test('re-serialised JSON (same data, other bytes) is refused: only the raw bytes count', () => {
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(RAW.toString('utf8')), null, 2));
		expect(JSON.parse(reserialised.toString('utf8'))).toEqual(JSON.parse(RAW.toString('utf8')));
		expect(verifySignature(reserialised, goSignature(RAW, SECRET), SECRET)).toEqual({ valid: false, reason: 'mismatch' });
		const reordered = Buffer.from(JSON.stringify({ event: 'message', ...JSON.parse(RAW.toString('utf8')) }));
		expect(verifySignature(reordered, goSignature(RAW, SECRET), SECRET).valid).toBe(false);
	});

	test('uppercase hex is accepted (same 32 bytes; GOWA itself sends lowercase)', () => {
		const upper = `sha256=${goSignature(RAW, SECRET).slice('sha256='.length).toUpperCase()}`;
		expect(verifySignature(RAW, upper, SECRET)).toEqual({ valid: true });
	});

	test('a repeated header (array) is refused rather than picking one', () => {
		const good = goSignature(RAW, SECRET);
		expect(verifySignature(RAW, [good, good], SECRET)).toEqual({ valid: false, reason: 'malformedHeader' });
	});

	test('without a secret nothing is accepted, not even a signature made with an empty key', () => {
		expect(verifySignature(RAW, goSignature(RAW, ''), '')).toEqual({ valid: false, reason: 'noSecret' });
	});

	test('the comparison is crypto.timingSafeEqual over the decoded digests', () => {
		// The module object itself (an `import * as` namespace only has read-only getters onto it).
		const spy = jest.spyOn(require('node:crypto') as typeof crypto, 'timingSafeEqual');
		try {
			expect(verifySignature(RAW, goSignature(RAW, 'other'), SECRET).valid).toBe(false);
			expect(verifySignature(RAW, goSignature(RAW, SECRET), SECRET).valid).toBe(true);
			expect(spy).toHaveBeenCalledTimes(2);
			for (const [received, expected] of spy.mock.calls) {
				expect(Buffer.isBuffer(received) && Buffer.isBuffer(expected)).toBe(true);
				expect((received as Buffer).length).toBe(32);
				expect((expected as Buffer).length).toBe(32);
			}
			// Malformed headers are refused by the length/format check, before any comparison.
			verifySignature(RAW, 'sha256=abcd', SECRET);
			expect(spy).toHaveBeenCalledTimes(2);
		} finally {
			spy.mockRestore();
		}
	});

	test('failure descriptions never contain the secret or the expected digest', () => {
		const expected = goSignature(RAW, SECRET);
		for (const reason of ['noSecret', 'missingHeader', 'malformedHeader', 'mismatch'] as const) {
			const text = describeSignatureFailure(reason);
			expect(text).not.toContain(SECRET);
			expect(text).not.toContain(expected.slice(7));
		}
	});
});
