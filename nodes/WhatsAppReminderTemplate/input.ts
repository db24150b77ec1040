import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { DateTime } from 'luxon';

import { cleanCountryCode } from '../shared/phone';
import { BookingInputError } from './logic/errors';
import { checkRule } from './logic/schedule';
import { parseMoment } from './logic/time';
import type { BookingInput, Language, MessageKind, PlanSettings, QuietHoursMode, SendTimeRule } from './logic/types';

const BOOKING_FIELDS = [
	'customerName',
	'phone',
	'service',
	'staff',
	'startTime',
	'durationMinutes',
	'location',
	'businessName',
	'bookingId',
	'bookingLink',
	'timeZone',
	'language',
] as const;

/** The booking of one item, as the node's fields resolved it. */
export function readBooking(context: IExecuteFunctions, itemIndex: number): BookingInput {
	const input: BookingInput = {};
	for (const name of BOOKING_FIELDS) input[name] = context.getNodeParameter(name, itemIndex, '');
	// Shown only for their message kind; absent otherwise.
	input.previousStartTime = context.getNodeParameter('previousStartTime', itemIndex, '');
	input.reviewLink = context.getNodeParameter('reviewLink', itemIndex, '');
	input.extraVariables = context.getNodeParameter('extraVariables.variables', itemIndex, []) as BookingInput['extraVariables'];
	return input;
}

function countryCodeOption(value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text !== '' && !/^\+?[1-9]\d{0,3}$/.test(text)) {
		throw new BookingInputError(
			'Default Country Code',
			`Default Country Code "${text}" is not a country calling code`,
			'Set it to digits only, e.g. 62 for Indonesia or 44 for the United Kingdom.',
		);
	}
	return cleanCountryCode(text);
}

let lastReference: { text: string; zone: string; moment: DateTime } | undefined;

/** Reference Time, parsed once per run (every item normally has the same value). */
function referenceMoment(text: string, zone: string): DateTime {
	if (lastReference?.text !== text || lastReference.zone !== zone) {
		lastReference = { text, zone, moment: parseMoment(text, zone, 'Reference Time') };
	}
	return lastReference.moment;
}

/** The node's settings for one item; `now` is the moment the run started (or Reference Time). */
export function readSettings(context: IExecuteFunctions, itemIndex: number, now: DateTime): PlanSettings {
	const kind = context.getNodeParameter('kind', itemIndex) as MessageKind;
	const template = context.getNodeParameter('template', itemIndex, 'builtIn') as string;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const rules = context.getNodeParameter('sendTimes.times', itemIndex, []) as Array<Partial<SendTimeRule>>;
	const workflowZone = context.getTimezone();
	const referenceTime = typeof options.referenceTime === 'string' ? options.referenceTime.trim() : '';
	return {
		kind,
		customTemplate: template === 'custom' ? String(context.getNodeParameter('customTemplate', itemIndex, '')) : undefined,
		sendTimes: rules.map((rule, index) => checkRule(rule, index + 1)),
		fallbackLanguage: (options.fallbackLanguage as Language | undefined) ?? 'id',
		defaultTimeZone: workflowZone,
		defaultCountryCode: countryCodeOption(options.defaultCountryCode),
		missingVariables: options.missingVariables === 'fallback' ? 'fallback' : 'fail',
		fallbackText: typeof options.fallbackText === 'string' ? options.fallbackText : '',
		pastMessages: options.pastMessages === 'mark' ? 'mark' : 'skip',
		quietHours: (options.quietHours as QuietHoursMode | undefined) ?? 'off',
		quietHoursStart: typeof options.quietHoursStart === 'string' ? options.quietHoursStart : '21:00',
		quietHoursEnd: typeof options.quietHoursEnd === 'string' ? options.quietHoursEnd : '08:00',
		checkIntervalMinutes: options.checkIntervalMinutes === undefined ? 15 : Number(options.checkIntervalMinutes),
		clockZone: workflowZone,
		now: referenceTime === '' ? now : referenceMoment(referenceTime, workflowZone),
		includeVariables: options.includeVariables === true,
	};
}
