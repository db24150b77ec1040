import type { TemplateLine } from '../logic/render';
import type { MessageKind } from '../logic/types';

/**
 * Built-in English messages: short and friendly, the way a salon, clinic or workshop writes on WhatsApp.
 * A line with alternatives uses the first whose variables all have a value; a plain line whose variable is empty
 * is left out.
 */

const greeting: TemplateLine = ['Hi {{firstName}} 👋', 'Hi there 👋'];

const details: TemplateLine[] = [
	'*Service:* {{service}}',
	'*Date:* {{date}}',
	['*Time:* {{timeRange}}', '*Time:* {{time}}'],
	'*With:* {{staff}}',
	'*Location:* {{location}}',
];

export const englishTemplates: Record<MessageKind, TemplateLine[]> = {
	confirmation: [
		greeting,
		['Your booking at *{{businessName}}* is confirmed ✅', 'Your booking is confirmed ✅'],
		'',
		...details,
		'*Booking code:* {{bookingId}}',
		'',
		[
			'Need to change it? Use {{bookingLink}} or just reply to this message.',
			'Need to change it? Just reply to this message.',
		],
		'See you soon! 😊',
	],
	reminder: [
		greeting,
		[
			'A friendly reminder of your appointment at *{{businessName}}* *{{relative}}*:',
			'A friendly reminder of your appointment *{{relative}}*:',
		],
		'',
		...details,
		'',
		[
			"Can't make it? Let us know via {{bookingLink}} or reply to this message 🙏",
			"Can't make it? Just reply to this message 🙏",
		],
		'See you then! 😊',
	],
	reschedule: [
		greeting,
		['Your booking at *{{businessName}}* has been rescheduled ✅', 'Your booking has been rescheduled ✅'],
		'',
		'*Was:* ~{{previousDate}}, {{previousTime}}~',
		'*Now:* {{date}}, {{time}}',
		'*Service:* {{service}}',
		'*With:* {{staff}}',
		'*Location:* {{location}}',
		'',
		[
			"If the new time doesn't suit you, change it via {{bookingLink}} or reply to this message.",
			"If the new time doesn't suit you, just reply to this message.",
		],
		'Thank you! 🙏',
	],
	cancellation: [
		['Hi {{firstName}},', 'Hi there,'],
		[
			'Your booking at *{{businessName}}* on {{date}} at {{time}} has been cancelled.',
			'Your booking on {{date}} at {{time}} has been cancelled.',
		],
		'',
		'*Service:* {{service}}',
		'*Booking code:* {{bookingId}}',
		'',
		[
			'Want to book again? Pick a new time at {{bookingLink}}.',
			"Want to book again? Just reply and we'll find a time that suits you.",
		],
		'Thank you 🙏',
	],
	noShow: [
		['Hi {{firstName}},', 'Hi there,'],
		[
			"We were expecting you {{relative}} at {{time}} for *{{service}}* at *{{businessName}}*, but it looks like you couldn't make it.",
			"We were expecting you {{relative}} at {{time}} for *{{service}}*, but it looks like you couldn't make it.",
			"We were expecting you {{relative}} at {{time}} at *{{businessName}}*, but it looks like you couldn't make it.",
			"We were expecting you {{relative}} at {{time}}, but it looks like you couldn't make it.",
		],
		'We hope everything is okay 🙏',
		'',
		[
			'Would you like a new appointment? Book via {{bookingLink}} or just reply to this message.',
			"Would you like a new appointment? Just reply and we'll find a time that suits you.",
		],
	],
	reviewRequest: [
		['Hi {{firstName}} 😊', 'Hi there 😊'],
		['Thank you for visiting *{{businessName}}* {{relative}}!', 'Thank you for visiting us {{relative}}!'],
		[
			'We hope you enjoyed your {{service}} with {{staff}}.',
			'We hope you enjoyed your {{service}}.',
			'We hope you enjoyed your visit.',
		],
		'',
		'Would you mind leaving us a quick review? It really helps us 🙏',
		['👉 {{reviewLink}}', 'Just reply with a rating from 1 to 5.'],
	],
};
