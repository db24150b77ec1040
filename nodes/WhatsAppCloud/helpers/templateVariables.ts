import type { IDataObject, ResourceMapperField } from 'n8n-workflow';

import type { Checker } from './checks';

/**
 * A template's variables as fields of a resource mapper, and the `components` of a send built back from their values.
 * Field IDs say where each value goes, so sending needs no second look at the template:
 * `header_text`, `header_image|video|document`, `body_<n>`, `button_<index>_payload` (quick reply), `button_<index>_url`.
 */

function variableCount(text: unknown): number {
	return new Set(String(text ?? '').match(/\{\{\d+\}\}/g) ?? []).size;
}

const field = (id: string, displayName: string, required: boolean): ResourceMapperField => ({ id, displayName, required, defaultMatch: false, canBeUsedToMatch: false, display: true, type: 'string' });

/** Fields for the variables of a template's components (as Graph lists them: HEADER, BODY, FOOTER, BUTTONS). */
export function templateFields(components: IDataObject[]): ResourceMapperField[] {
	const fields: ResourceMapperField[] = [];
	for (const component of components) {
		const type = String(component.type ?? '').toUpperCase();
		if (type === 'HEADER') {
			const format = String(component.format ?? 'TEXT').toUpperCase();
			if (format === 'TEXT' && variableCount(component.text) > 0) fields.push(field('header_text', 'Header {{1}}', true));
			if (['IMAGE', 'VIDEO', 'DOCUMENT'].includes(format)) fields.push(field(`header_${format.toLowerCase()}`, `Header ${format.toLowerCase()} (link or media ID)`, true));
		}
		if (type === 'BODY') {
			for (let n = 1; n <= variableCount(component.text); n++) fields.push(field(`body_${n}`, `Body {{${n}}}`, true));
		}
		if (type === 'BUTTONS' && Array.isArray(component.buttons)) {
			(component.buttons as IDataObject[]).forEach((button, index) => {
				const label = `Button ${index + 1} "${String(button.text ?? '')}"`;
				if (button.type === 'QUICK_REPLY') fields.push(field(`button_${index}_payload`, `${label}: payload`, false));
				if (button.type === 'URL' && variableCount(button.url) > 0) fields.push(field(`button_${index}_url`, `${label}: URL suffix`, true));
			});
		}
	}
	return fields;
}

/** The send's `components` from the mapped values (empty values are left out; Meta then names what is missing). */
export function componentsFromVariables(values: IDataObject, check: Checker): IDataObject[] {
	const components: IDataObject[] = [];
	const text = (key: string, max: number) => check.text(values[key], `Template variable ${key}`, max, false);
	const headerText = text('header_text', 60);
	if (headerText !== '') components.push({ type: 'header', parameters: [{ type: 'text', text: headerText }] });
	for (const format of ['image', 'video', 'document']) {
		const media = text(`header_${format}`, 2000);
		if (media !== '') components.push({ type: 'header', parameters: [{ type: format, [format]: /^\d+$/.test(media) ? { id: media } : { link: check.url(media, `Template variable header_${format}`) } }] });
	}
	const bodyKeys = Object.keys(values).filter((key) => /^body_\d+$/.test(key)).sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)));
	const body = bodyKeys.map((key) => text(key, 32768)).filter((value) => value !== '');
	if (body.length > 0) components.push({ type: 'body', parameters: body.map((value) => ({ type: 'text', text: value })) });
	const buttonKeys = Object.keys(values).filter((key) => /^button_\d_(payload|url)$/.test(key)).sort();
	for (const key of buttonKeys) {
		const value = text(key, 2000);
		if (value === '') continue;
		const [, index, kind] = key.split('_');
		components.push({ type: 'button', sub_type: kind === 'url' ? 'url' : 'quick_reply', index, parameters: [kind === 'url' ? { type: 'text', text: value } : { type: 'payload', payload: value }] });
	}
	return components;
}
