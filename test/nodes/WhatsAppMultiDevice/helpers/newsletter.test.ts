import { getNewsletterId } from '../../../../nodes/WhatsAppMultiDevice/helpers/newsletter';
import { fakeContext } from './fakeContext';

describe('getNewsletterId', () => {
	test.each(['120363024512399999@newsletter', '120363024512399999', ' 120363024512399999@Newsletter '])('%j → …@newsletter', (value) => {
		expect(getNewsletterId(fakeContext({ newsletterId: value }), 0)).toBe('120363024512399999@newsletter');
	});
	test.each(['', '120363024512399999@g.us', '6281234567890@s.whatsapp.net', 'abc@newsletter'])('%j is rejected with a hint', (value) => {
		expect(() => getNewsletterId(fakeContext({ newsletterId: value }), 0)).toThrow(/is not a channel ID/);
	});
});
