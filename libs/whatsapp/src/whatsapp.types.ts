/** Where and as whom to call the Graph API: Meta itself or the sandbox (per channel). */
export interface GraphTarget {
  apiBaseUrl: string;
  /** Defaults to `WHATSAPP_API_VERSION` (or `v21.0` outside Nest). */
  apiVersion?: string;
  accessToken: string;
}

export interface TemplateMessage {
  /** E.164, with or without the leading `+`. */
  to: string;
  templateName: string;
  language: string;
  /** Meta's send-time components (`{type: 'body', parameters: [...]}` ...). */
  components: Array<Record<string, unknown>>;
  /** Echoed by Meta in every status webhook of this message. */
  bizOpaqueCallbackData?: string;
}

export interface MetaTemplate {
  id: string;
  name: string;
  language: string;
  status: string;
  category: string;
  components: Array<Record<string, unknown>>;
}

export interface SendResult {
  wamid: string;
  waId: string | null;
}
