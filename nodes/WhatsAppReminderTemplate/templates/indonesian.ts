import type { TemplateLine } from '../logic/render';
import type { MessageKind } from '../logic/types';

/**
 * Built-in Indonesian messages: the warm, short tone salons, clinics and workshops use on WhatsApp ("Kak").
 * A line with alternatives uses the first whose variables all have a value; a plain line whose variable is empty
 * is left out.
 */

const greeting: TemplateLine = ['Halo Kak {{firstName}} 👋', 'Halo Kak 👋'];

const details: TemplateLine[] = [
	'*Layanan:* {{service}}',
	'*Tanggal:* {{date}}',
	['*Jam:* {{timeRange}}', '*Jam:* {{time}}'],
	'*Bersama:* {{staff}}',
	'*Lokasi:* {{location}}',
];

export const indonesianTemplates: Record<MessageKind, TemplateLine[]> = {
	confirmation: [
		greeting,
		['Booking Kakak di *{{businessName}}* sudah terkonfirmasi ✅', 'Booking Kakak sudah terkonfirmasi ✅'],
		'',
		...details,
		'*Kode booking:* {{bookingId}}',
		'',
		[
			'Perlu ganti jadwal? Bisa lewat {{bookingLink}} atau balas pesan ini ya.',
			'Perlu ganti jadwal? Balas saja pesan ini ya.',
		],
		'Sampai ketemu! 😊',
	],
	reminder: [
		greeting,
		[
			'Mengingatkan jadwal Kakak di *{{businessName}}* *{{relative}}* ya:',
			'Mengingatkan jadwal Kakak *{{relative}}* ya:',
		],
		'',
		...details,
		'',
		[
			'Kalau berhalangan hadir, kabari kami lewat {{bookingLink}} atau balas pesan ini ya 🙏',
			'Kalau berhalangan hadir, balas saja pesan ini ya 🙏',
		],
		'Sampai ketemu! 😊',
	],
	reschedule: [
		greeting,
		[
			'Jadwal booking Kakak di *{{businessName}}* sudah berhasil diubah ✅',
			'Jadwal booking Kakak sudah berhasil diubah ✅',
		],
		'',
		'*Jadwal lama:* ~{{previousDate}}, {{previousTime}}~',
		'*Jadwal baru:* {{date}}, {{time}}',
		'*Layanan:* {{service}}',
		'*Bersama:* {{staff}}',
		'*Lokasi:* {{location}}',
		'',
		[
			'Kalau jadwal baru ini kurang pas, atur ulang lewat {{bookingLink}} atau balas pesan ini ya.',
			'Kalau jadwal baru ini kurang pas, balas saja pesan ini ya.',
		],
		'Terima kasih! 🙏',
	],
	cancellation: [
		['Halo Kak {{firstName}},', 'Halo Kak,'],
		[
			'Booking Kakak di *{{businessName}}* untuk {{date}} pukul {{time}} sudah dibatalkan.',
			'Booking Kakak untuk {{date}} pukul {{time}} sudah dibatalkan.',
		],
		'',
		'*Layanan:* {{service}}',
		'*Kode booking:* {{bookingId}}',
		'',
		[
			'Ingin booking lagi? Pilih jadwal baru di {{bookingLink}} ya.',
			'Ingin booking lagi? Balas saja pesan ini, kami bantu carikan jadwal yang pas.',
		],
		'Terima kasih 🙏',
	],
	noShow: [
		['Halo Kak {{firstName}},', 'Halo Kak,'],
		[
			'Kami menunggu Kakak {{relative}} pukul {{time}} untuk *{{service}}* di *{{businessName}}*, tapi sepertinya Kakak berhalangan datang.',
			'Kami menunggu Kakak {{relative}} pukul {{time}} untuk *{{service}}*, tapi sepertinya Kakak berhalangan datang.',
			'Kami menunggu Kakak {{relative}} pukul {{time}} di *{{businessName}}*, tapi sepertinya Kakak berhalangan datang.',
			'Kami menunggu Kakak {{relative}} pukul {{time}}, tapi sepertinya Kakak berhalangan datang.',
		],
		'Semoga semuanya baik-baik saja ya 🙏',
		'',
		[
			'Mau atur jadwal baru? Bisa lewat {{bookingLink}} atau balas pesan ini.',
			'Mau atur jadwal baru? Balas saja pesan ini, kami bantu carikan waktu yang pas.',
		],
	],
	reviewRequest: [
		['Halo Kak {{firstName}} 😊', 'Halo Kak 😊'],
		['Terima kasih sudah datang ke *{{businessName}}* {{relative}}!', 'Terima kasih sudah datang {{relative}}!'],
		[
			'Semoga Kakak puas dengan {{service}} bersama {{staff}}.',
			'Semoga Kakak puas dengan {{service}}.',
			'Semoga Kakak puas dengan layanan kami.',
		],
		'',
		'Boleh minta waktunya sebentar untuk kasih ulasan? Masukan Kakak sangat berarti buat kami 🙏',
		['👉 {{reviewLink}}', 'Cukup balas pesan ini dengan nilai 1–5 ya.'],
	],
};
