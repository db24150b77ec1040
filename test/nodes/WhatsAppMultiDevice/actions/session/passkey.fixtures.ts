/** A WebAuthn assertion in PublicKeyCredential.toJSON() form (base64url fields), and the challenge it answers. */
export const ASSERTION = {
	id: 'XcnXe2W9me1XZTGii6JI9A',
	rawId: 'XcnXe2W9me1XZTGii6JI9A',
	type: 'public-key',
	authenticatorAttachment: 'platform',
	response: {
		clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0IiwiY2hhbGxlbmdlIjoiZEdWemRDMWphR0ZzYkdWdVoyVSJ9',
		authenticatorData: 'SZYN5YgOjGh0NBcPZHZgW4_krrmihjLHmVzzuoMdl2MFAAAAAQ',
		signature: 'MEUCIQDx3s1aXd5fP0gWgR0nWQ',
		userHandle: null,
	},
	clientExtensionResults: {},
};

export const CHALLENGE = {
	challenge: 'dGVzdC1jaGFsbGVuZ2U',
	timeout: 60000,
	rpId: 'whatsapp.com',
	allowCredentials: [{ id: 'XcnXe2W9me1XZTGii6JI9A', type: 'public-key', transports: ['internal'] }],
	userVerification: 'required',
};
