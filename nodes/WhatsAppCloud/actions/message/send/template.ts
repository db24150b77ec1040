import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Checker } from '../../../helpers/checks';
import { componentsFromVariables } from '../../../helpers/templateVariables';

/** Template messages (NOTES §2.4): the `template` object from the fields of template.description.ts. */

function headerComponent(context: IExecuteFunctions, check: Checker): IDataObject | undefined {
	const type = context.getNodeParameter('headerType', check.itemIndex, 'none') as string;
	if (type === 'none') return undefined;
	if (type === 'text') return { type: 'header', parameters: [{ type: 'text', text: check.param('headerParameterText', 'Header Text', 60) }] };
	const raw = check.param('headerMedia', 'Header Media', 2000);
	const media = /^\d+$/.test(raw) ? { id: raw } : { link: check.url(raw, 'Header Media') };
	return { type: 'header', parameters: [{ type, [type]: media }] };
}

function bodyComponent(context: IExecuteFunctions, check: Checker): IDataObject | undefined {
	const raw = context.getNodeParameter('bodyParameters', check.itemIndex, {}) as { parameter?: IDataObject[] };
	const list = raw.parameter ?? [];
	if (list.length === 0) return undefined;
	const parameters = list.map((parameter, index) => {
		const label = `Body parameter ${index + 1}`;
		if (parameter.type === 'currency') {
			const code = check.text(parameter.currencyCode, `${label}: Currency Code`, 3).toUpperCase();
			if (!/^[A-Z]{3}$/.test(code)) check.fail(`${label}: Currency Code "${code}" is not an ISO 4217 code`, 'Use three letters, e.g. IDR or USD.');
			const amount = check.number(parameter.amount, `${label}: Amount`, -1e12, 1e12);
			return { type: 'currency', currency: { fallback_value: check.text(parameter.fallbackValue, `${label}: Fallback Text`, 1000), code, amount_1000: Math.round(amount * 1000) } };
		}
		if (parameter.type === 'date_time') return { type: 'date_time', date_time: { fallback_value: check.text(parameter.fallbackValue, `${label}: Fallback Text`, 1000) } };
		return { type: 'text', text: check.text(parameter.text, `${label}: Text`, 32768) };
	});
	return { type: 'body', parameters };
}

function buttonComponents(context: IExecuteFunctions, check: Checker): IDataObject[] {
	const raw = context.getNodeParameter('buttonParameters', check.itemIndex, {}) as { button?: IDataObject[] };
	const list = raw.button ?? [];
	const components = list.map((button, index) => {
		const label = `Button parameter ${index + 1}`;
		const position = check.number(button.index, `${label}: Position`, 0, 9);
		if (!Number.isInteger(position)) check.fail(`${label}: Position must be a whole number from 0 to 9`);
		const value = check.text(button.value, `${label}: Value`, 2000);
		const subType = button.subType === 'url' ? 'url' : 'quick_reply';
		// Meta counts positions from 0 and wants the index as a string (NOTES §2.4).
		return { type: 'button', sub_type: subType, index: String(position), parameters: [subType === 'url' ? { type: 'text', text: value } : { type: 'payload', payload: value }] };
	});
	check.unique(components.map((component) => component.index), 'Button parameter position');
	return components;
}

/** The template's name and language from the locator (list values are `name|language`) and the Language Code field. */
export function templateIdentity(context: IExecuteFunctions, check: Checker): { name: string; language: string } {
	const locator = context.getNodeParameter('template', check.itemIndex, '', { extractValue: true }) as string;
	const [rawName, listLanguage = ''] = String(locator ?? '').split('|');
	const name = check.text(rawName, 'Template', 512);
	if (!/^[a-z0-9_]+$/.test(name)) check.fail(`Template "${name}" is not a template name`, 'Template names use lower-case letters, digits and underscores, e.g. booking_reminder.');
	const language = check.param('languageCode', 'Language Code', 15, false) || listLanguage || 'en_US';
	if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language)) check.fail(`Language Code "${language}" is not a WhatsApp language code`, 'e.g. en_US, en, id, pt_BR.');
	return { name, language };
}

export function buildTemplate(context: IExecuteFunctions, check: Checker): IDataObject {
	const { name, language } = templateIdentity(context, check);
	const template: IDataObject = { name, language: { code: language, policy: 'deterministic' } };
	let components: IDataObject[];
	const source = context.getNodeParameter('templateParameters', check.itemIndex, 'fields');
	if (source === 'variables') {
		const mapped = context.getNodeParameter('templateVariables', check.itemIndex, {}) as { value?: IDataObject | null };
		components = componentsFromVariables(mapped.value ?? {}, check);
	} else if (source === 'json') {
		const parsed = check.json(context.getNodeParameter('componentsJson', check.itemIndex, '[]'), 'Components (JSON)');
		if (!Array.isArray(parsed) || parsed.some((entry) => !entry || typeof entry !== 'object' || typeof (entry as IDataObject).type !== 'string')) {
			check.fail('Components (JSON) must be a list of components with a "type"', 'e.g. [{"type":"body","parameters":[{"type":"text","text":"Ayu"}]}]');
		}
		components = parsed as IDataObject[];
	} else {
		components = [headerComponent(context, check), bodyComponent(context, check), ...buttonComponents(context, check)].filter((component): component is IDataObject => component !== undefined);
	}
	if (components.length > 0) template.components = components;
	return { type: 'template', template };
}
