import { BookingInputError } from '../../../../nodes/WhatsAppReminderTemplate/logic/errors';
import type { Variables } from '../../../../nodes/WhatsAppReminderTemplate/logic/render';
import {
	checkPlaceholders,
	parseLines,
	parseTemplate,
	renderLines,
	renderTemplate,
	variableKey,
} from '../../../../nodes/WhatsAppReminderTemplate/logic/render';

function vars(values: Record<string, string | undefined>): Variables {
	const map: Variables = new Map();
	for (const [name, value] of Object.entries(values)) {
		map.set(variableKey(name), { name, value, field: `${name[0].toUpperCase()}${name.slice(1)} Field` });
	}
	return map;
}

const fail = { missingVariables: 'fail' as const, fallbackText: '' };

describe('parseTemplate', () => {
	it('splits text and placeholders, spaces inside braces allowed', () => {
		expect(parseTemplate('Hi {{ firstName }}, see you {{relative}}!')).toEqual([
			'Hi ',
			{ written: 'firstName', key: 'firstname' },
			', see you ',
			{ written: 'relative', key: 'relative' },
			'!',
		]);
	});

	it.each([['{{ 1 + 1 }}'], ['{{ $json.name }}'], ['{{customer.name}}'], ['{{}}'], ['{{ constructor() }}']])(
		'refuses %s: only names are placeholders, nothing is evaluated',
		(template) => {
			expect(() => parseTemplate(`Hi ${template}`)).toThrow(BookingInputError);
			expect(() => parseTemplate(`Hi ${template}`)).toThrow('which is not a placeholder');
		},
	);

	it('leaves single braces and other text alone', () => {
		expect(parseTemplate('{ok} {{{name}}}')).toEqual(['{ok} {', { written: 'name', key: 'name' }, '}']);
	});
});

describe('renderTemplate', () => {
	const variables = vars({ firstName: 'Siti', date: 'Senin, 23 November 2026', staff: undefined, customerName: 'Siti Rahma' });

	it('substitutes names, keeping WhatsApp formatting and line breaks as typed', () => {
		const text = renderTemplate(parseTemplate('*Halo {{firstName}}*\n_{{date}}_ ~x~'), variables, fail);
		expect(text).toBe('*Halo Siti*\n_Senin, 23 November 2026_ ~x~');
	});

	it('matches names regardless of case and underscores', () => {
		expect(renderTemplate(parseTemplate('{{customer_name}} / {{FIRSTNAME}}'), variables, fail)).toBe('Siti Rahma / Siti');
	});

	it('does not render placeholders that come in through values', () => {
		const tricky = vars({ customerName: '{{date}}', date: 'secret' });
		expect(renderTemplate(parseTemplate('Hi {{customerName}}'), tricky, fail)).toBe('Hi {{date}}');
	});

	it('fails on an unknown placeholder and lists the variables', () => {
		expect(() => renderTemplate(parseTemplate('Hi {{nama}}'), variables, fail)).toThrow(
			'Custom Template uses {{nama}}, which is not a variable',
		);
		try {
			renderTemplate(parseTemplate('Hi {{toString}}'), variables, fail);
		} catch (error) {
			expect((error as BookingInputError).field).toBe('Custom Template');
			expect((error as BookingInputError).hint).toContain('customerName, date, firstName, staff');
		}
		expect.assertions(3);
	});

	it('fails on an empty variable naming its field, or uses the fallback text', () => {
		expect(() => renderTemplate(parseTemplate('With {{staff}}'), variables, fail)).toThrow(
			'The template uses {{staff}}, but Staff Field is empty',
		);
		const text = renderTemplate(parseTemplate('With {{staff}}.'), variables, { missingVariables: 'fallback', fallbackText: 'our team' });
		expect(text).toBe('With our team.');
		expect(renderTemplate(parseTemplate('[{{staff}}]'), variables, { missingVariables: 'fallback', fallbackText: '' })).toBe('[]');
	});

	it('checkPlaceholders finds unknown names without rendering', () => {
		expect(() => checkPlaceholders(parseTemplate('{{staff}}'), variables)).not.toThrow();
		expect(() => checkPlaceholders(parseTemplate('{{promo}}'), variables)).toThrow('{{promo}}');
	});
});

describe('renderLines (built-in templates)', () => {
	const lines = parseLines([
		['Hi {{firstName}}', 'Hi there'],
		'',
		'*Service:* {{service}}',
		'*With:* {{staff}}',
		'',
		'',
		'Bye',
		'',
	]);

	it('uses the first alternative with all values, drops lines with empty values, collapses blank lines', () => {
		expect(renderLines(lines, vars({ firstName: 'Siti', service: 'Hair Spa', staff: 'Rina' }))).toBe(
			'Hi Siti\n\n*Service:* Hair Spa\n*With:* Rina\n\nBye',
		);
		expect(renderLines(lines, vars({ firstName: undefined, service: undefined, staff: undefined }))).toBe('Hi there\n\nBye');
	});
});
