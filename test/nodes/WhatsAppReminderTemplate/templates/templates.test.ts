import { planMessages } from '../../../../nodes/WhatsAppReminderTemplate/logic/plan';
import { parseTemplate, variableKey } from '../../../../nodes/WhatsAppReminderTemplate/logic/render';
import type { MessageKind, SendTimeRule } from '../../../../nodes/WhatsAppReminderTemplate/logic/types';
import { englishTemplates, indonesianTemplates } from '../../../../nodes/WhatsAppReminderTemplate/templates';
import { booking, settings, utc } from '../fixtures';

const KINDS: MessageKind[] = ['confirmation', 'reminder', 'reschedule', 'cancellation', 'noShow', 'reviewRequest'];

/** When each kind is typically sent, so `relative` reads as in real life. */
const TIMING: Record<MessageKind, { sendTimes: SendTimeRule[]; now: string }> = {
	confirmation: { sendTimes: [], now: '2026-11-20T03:00:00Z' },
	reminder: { sendTimes: [{ amount: 24, unit: 'hours', relativeTo: 'beforeStart' }], now: '2026-11-22T07:00:00Z' },
	reschedule: { sendTimes: [], now: '2026-11-21T02:00:00Z' },
	cancellation: { sendTimes: [], now: '2026-11-21T02:00:00Z' },
	noShow: { sendTimes: [{ amount: 30, unit: 'minutes', relativeTo: 'afterStart' }], now: '2026-11-23T07:30:00Z' },
	reviewRequest: { sendTimes: [{ amount: 2, unit: 'hours', relativeTo: 'afterEnd' }], now: '2026-11-23T10:30:00Z' },
};

function render(kind: MessageKind, language: string, overrides: Parameters<typeof booking>[0] = {}): string {
	const full = booking({
		language,
		previousStartTime: '2026-11-21 10:00',
		reviewLink: 'https://g.page/r/salon-ayu/review',
		...overrides,
	});
	const { sendTimes, now } = TIMING[kind];
	const messages = planMessages(full, settings({ kind, sendTimes, now: utc(now), pastMessages: 'mark' }));
	expect(messages).toHaveLength(1);
	return messages[0].message;
}

const EMPTY = {
	customerName: '',
	service: '',
	staff: '',
	durationMinutes: '',
	location: '',
	businessName: '',
	bookingId: '',
	bookingLink: '',
	previousStartTime: '',
	reviewLink: '',
};

describe('built-in templates, exact text', () => {
	it('Indonesian confirmation', () => {
		expect(render('confirmation', 'id')).toBe(
			[
				'Halo Kak Siti 👋',
				'Booking Kakak di *Salon Ayu* sudah terkonfirmasi ✅',
				'',
				'*Layanan:* Hair Spa',
				'*Tanggal:* Senin, 23 November 2026',
				'*Jam:* 14.00–15.30 WIB',
				'*Bersama:* Rina',
				'*Lokasi:* Jl. Kemang Raya No. 10, Jakarta',
				'*Kode booking:* BK-1024',
				'',
				'Perlu ganti jadwal? Bisa lewat https://book.example.com/b/BK-1024 atau balas pesan ini ya.',
				'Sampai ketemu! 😊',
			].join('\n'),
		);
	});

	it('English reminder', () => {
		expect(render('reminder', 'en')).toBe(
			[
				'Hi Siti 👋',
				'A friendly reminder of your appointment at *Salon Ayu* *tomorrow*:',
				'',
				'*Service:* Hair Spa',
				'*Date:* Monday, 23 November 2026',
				'*Time:* 2:00–3:30 PM WIB',
				'*With:* Rina',
				'*Location:* Jl. Kemang Raya No. 10, Jakarta',
				'',
				"Can't make it? Let us know via https://book.example.com/b/BK-1024 or reply to this message 🙏",
				'See you then! 😊',
			].join('\n'),
		);
	});

	it('Indonesian reschedule shows the old time struck through', () => {
		const text = render('reschedule', 'id');
		expect(text).toContain('*Jadwal lama:* ~Sabtu, 21 November 2026, 10.00 WIB~');
		expect(text).toContain('*Jadwal baru:* Senin, 23 November 2026, 14.00 WIB');
	});

	it('English cancellation, no-show and review request read naturally', () => {
		expect(render('cancellation', 'en')).toContain(
			'Your booking at *Salon Ayu* on Monday, 23 November 2026 at 2:00 PM WIB has been cancelled.',
		);
		expect(render('noShow', 'en')).toContain(
			"We were expecting you today at 2:00 PM WIB for *Hair Spa* at *Salon Ayu*, but it looks like you couldn't make it.",
		);
		const review = render('reviewRequest', 'en');
		expect(review).toContain('Thank you for visiting *Salon Ayu* today!');
		expect(review).toContain('We hope you enjoyed your Hair Spa with Rina.');
		expect(review).toContain('👉 https://g.page/r/salon-ayu/review');
	});

	it('Indonesian no-show and review request', () => {
		expect(render('noShow', 'id')).toContain(
			'Kami menunggu Kakak hari ini pukul 14.00 WIB untuk *Hair Spa* di *Salon Ayu*, tapi sepertinya Kakak berhalangan datang.',
		);
		expect(render('reviewRequest', 'id')).toContain('Terima kasih sudah datang ke *Salon Ayu* hari ini!');
	});

	it('uses the zone of the booking: Makassar (WITA) and London', () => {
		expect(render('confirmation', 'id', { timeZone: 'Asia/Makassar' })).toContain('*Jam:* 14.00–15.30 WITA');
		expect(render('confirmation', 'en', { timeZone: 'Europe/London' })).toContain('*Time:* 2:00–3:30 PM\n');
	});
});

describe.each(KINDS)('%s', (kind) => {
	it.each(['id', 'en'])('%s: with every field, every line is filled', (language) => {
		const text = render(kind, language);
		expect(text).not.toMatch(/\{\{|\}\}/);
		expect(text).not.toMatch(/\n\n\n/);
		expect(text).not.toMatch(/[ \t]$/m);
		expect(text.split('\n').length).toBeGreaterThanOrEqual(5);
	});

	it.each(['id', 'en'])('%s: with only phone and start, it still reads as a message', (language) => {
		const text = render(kind, language, EMPTY);
		expect(text).not.toMatch(/\{\{|\}\}/);
		expect(text).not.toMatch(/\n\n\n/);
		expect(text).not.toMatch(/^\n|\n$/);
		expect(text).not.toMatch(/\*[A-Za-z ]+:\* *$/m); // no label without a value
		expect(text).not.toContain('Siti');
		expect(text).not.toContain('Salon Ayu');
		expect(text.split('\n').length).toBeGreaterThanOrEqual(3);
	});

	it('Indonesian and English differ (the language is really picked per item)', () => {
		expect(render(kind, 'id')).not.toBe(render(kind, 'en'));
		expect(render(kind, 'fr')).toBe(render(kind, 'id')); // unknown → fallback (Indonesian here)
	});
});

describe('template sources', () => {
	const variables = new Map(
		Object.keys(
			planMessages(booking({ previousStartTime: '2026-11-21 10:00', reviewLink: 'x' }), settings({ kind: 'confirmation', sendTimes: [], includeVariables: true }))[0]
				.variables ?? {},
		).map((name) => [variableKey(name), name]),
	);

	it.each([
		['Indonesian', indonesianTemplates],
		['English', englishTemplates],
	])('%s uses only known variables in every kind', (_language, templates) => {
		for (const kind of KINDS) {
			for (const line of templates[kind].flat()) {
				for (const segment of parseTemplate(line, 'Built-in template')) {
					if (typeof segment !== 'string') expect(variables.has(segment.key)).toBe(true);
				}
			}
		}
	});
});
