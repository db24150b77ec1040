import type { INodeProperties } from 'n8n-workflow';

import { bookingFields } from './booking.description';
import { kindField, sendTimesFields, templateFields } from './message.description';
import { extraVariablesField, optionsField } from './options.description';

/** All editor fields, in the order they appear: what to render, from which booking data, when, and how. */
export const nodeProperties: INodeProperties[] = [
	kindField,
	...templateFields,
	...bookingFields,
	...sendTimesFields,
	extraVariablesField,
	optionsField,
];
