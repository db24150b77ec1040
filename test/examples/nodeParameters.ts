/** Checks shared by the example tests: a node of an example workflow as a user imports it. */
import type { INodeParameters, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

export interface ExampleNode {
	typeVersion: number;
	parameters: INodeParameters;
}

/** Every parameter of `example` is one the node shows for these settings, and every option chosen is allowed. */
export function expectOnlyKnownParameters(example: ExampleNode, description: INodeTypeDescription): void {
	const shown = description.properties.filter((property) => NodeHelpers.displayParameter(example.parameters, property, { typeVersion: example.typeVersion }, description));
	const names = new Set(shown.map((property) => property.name));
	expect(Object.keys(example.parameters).filter((parameter) => !names.has(parameter))).toEqual([]);
	for (const property of shown.filter((entry) => entry.name in example.parameters && (entry.type === 'options' || entry.type === 'multiOptions'))) {
		const allowed = (property.options ?? []).map((option) => (option as { value: unknown }).value);
		const value = example.parameters[property.name];
		for (const chosen of Array.isArray(value) ? value : [value]) {
			if (typeof chosen === 'string' && chosen.startsWith('=')) continue;
			expect([property.name, allowed.includes(chosen)]).toEqual([property.name, true]);
		}
	}
}
