import { firstNameOf, resolveLanguage } from '../../../../nodes/WhatsAppReminderTemplate/logic/language';

describe('resolveLanguage', () => {
	it.each([
		['id', 'id'],
		['ID', 'id'],
		['id-ID', 'id'],
		['id_ID', 'id'],
		['in', 'id'],
		['Indonesian', 'id'],
		['Bahasa Indonesia', 'id'],
		['en', 'en'],
		['en-GB', 'en'],
		['EN_us', 'en'],
		['English', 'en'],
	])('%s → %s', (value, expected) => {
		expect(resolveLanguage(value, expected === 'id' ? 'en' : 'id')).toBe(expected);
	});

	it.each([[''], ['fr'], ['ms-MY'], [undefined], [null], [42]])('%p → the fallback', (value) => {
		expect(resolveLanguage(value, 'en')).toBe('en');
		expect(resolveLanguage(value, 'id')).toBe('id');
	});
});

describe('firstNameOf', () => {
	it.each([
		['Siti Rahma', 'Siti'],
		['Ibu Siti Rahma', 'Siti'],
		['Bpk. H. Ahmad Fauzi', 'Ahmad'],
		['dr. Putri', 'Putri'],
		['Mr John Smith', 'John'],
		['  Budi  ', 'Budi'],
		['Ibu', 'Ibu'],
	])('%s → %s', (name, first) => {
		expect(firstNameOf(name)).toBe(first);
	});
});
