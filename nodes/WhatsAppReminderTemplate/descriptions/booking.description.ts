import type { INodeProperties } from 'n8n-workflow';

/**
 * Where the booking's data comes from. Every field defaults to an expression reading the field of the same name
 * from the input item, so items shaped like `{ customerName, phone, startTime, … }` need no mapping at all.
 */
export const bookingFields: INodeProperties[] = [
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '={{ $json.phone }}',
		required: true,
		placeholder: 'e.g. +62 812-3456-7890',
		description:
			'The customer’s WhatsApp number: +62 812-3456-7890, 6281234567890, 0812… (with Options → Default Country Code) or a JID. Output normalised in phone and recipient.',
	},
	{
		displayName: 'Start Time',
		name: 'startTime',
		type: 'string',
		default: '={{ $json.startTime }}',
		required: true,
		placeholder: 'e.g. 2026-11-24 14:00',
		description:
			'When the booking starts: ISO 8601 (2026-11-24T14:00:00+07:00), yyyy-MM-dd HH:mm in the booking’s time zone, or epoch seconds or milliseconds',
	},
	{
		displayName: 'Time Zone',
		name: 'timeZone',
		type: 'string',
		default: '={{ $json.timeZone }}',
		placeholder: 'e.g. Asia/Jakarta',
		description:
			'IANA time zone of the booking, e.g. Asia/Jakarta, Asia/Makassar, Asia/Jayapura (WIB, WITA and WIT work too). Empty: the workflow’s time zone.',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: '={{ $json.language }}',
		placeholder: 'e.g. Indonesian',
		description:
			'Language of the message for this customer: Indonesian or English, by name or code (ID, IN, EN, locale tags like EN-GB; any case). Anything else uses Options → Fallback Language.',
	},
	{
		displayName: 'Customer Name',
		name: 'customerName',
		type: 'string',
		default: '={{ $json.customerName }}',
		placeholder: 'e.g. Ibu Siti Rahma',
		description: 'Full name; {{firstName}} is its first word after titles such as Ibu, Pak or Mr',
	},
	{
		displayName: 'Service',
		name: 'service',
		type: 'string',
		default: '={{ $json.service }}',
		placeholder: 'e.g. Hair Spa',
	},
	{
		displayName: 'Staff',
		name: 'staff',
		type: 'string',
		default: '={{ $json.staff }}',
		placeholder: 'e.g. Rina',
		description: 'Who serves the customer (stylist, doctor, mechanic)',
	},
	{
		displayName: 'Duration (Minutes)',
		name: 'durationMinutes',
		type: 'string',
		default: '={{ $json.durationMinutes }}',
		placeholder: 'e.g. 60',
		description: 'Length of the booking in minutes; gives {{endTime}}, {{timeRange}} and {{duration}}, and the end for After End send times',
	},
	{
		displayName: 'Location',
		name: 'location',
		type: 'string',
		default: '={{ $json.location }}',
		placeholder: 'e.g. Jl. Kemang Raya No. 10, Jakarta',
		description: 'Branch name or address',
	},
	{
		displayName: 'Business Name',
		name: 'businessName',
		type: 'string',
		default: '={{ $json.businessName }}',
		placeholder: 'e.g. Salon Ayu',
		description: 'Name of the business (tenant) the booking is with',
	},
	{
		displayName: 'Booking ID',
		name: 'bookingId',
		type: 'string',
		default: '={{ $json.bookingId }}',
		placeholder: 'e.g. BK-1024',
		description: 'Shown as the booking code and used in bookingId and messageKey of the output',
	},
	{
		displayName: 'Booking Link',
		name: 'bookingLink',
		type: 'string',
		default: '={{ $json.bookingLink }}',
		placeholder: 'e.g. https://book.example.com/b/BK-1024',
		description: 'Where the customer can view, reschedule or cancel the booking',
	},
	{
		displayName: 'Previous Start Time',
		name: 'previousStartTime',
		type: 'string',
		default: '={{ $json.previousStartTime }}',
		placeholder: 'e.g. 2026-11-23 10:00',
		description: 'The start before the booking was moved (same formats as Start Time); gives {{previousDate}} and {{previousTime}}',
		displayOptions: { show: { kind: ['reschedule'] } },
	},
	{
		displayName: 'Review Link',
		name: 'reviewLink',
		type: 'string',
		default: '={{ $json.reviewLink }}',
		placeholder: 'e.g. https://g.page/r/salon-ayu/review',
		description: 'Where the customer can leave a review (Google, your own page)',
		displayOptions: { show: { kind: ['reviewRequest'] } },
	},
];
