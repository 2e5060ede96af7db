import "server-only";
import { render } from "@react-email/components";
import LicenseDeliveryEmail, { type LicenseDeliveryEmailProps } from "@/emails/license-delivery";
import ReceiptEmail, { type ReceiptEmailProps } from "@/emails/receipt";
import SignInLinkEmail, { type SignInLinkEmailProps } from "@/emails/sign-in-link";

type TemplateProps = {
  "license-delivery": LicenseDeliveryEmailProps;
  receipt: ReceiptEmailProps;
  "sign-in-link": SignInLinkEmailProps;
};

export type EmailTemplate = keyof TemplateProps;

const TEMPLATES: {
  [T in EmailTemplate]: {
    subject: (props: TemplateProps[T]) => string;
    component: (props: TemplateProps[T]) => React.ReactElement;
  };
} = {
  "license-delivery": {
    subject: (props) => `Your ${props.productName} license key${props.keys.length > 1 ? "s" : ""}`,
    component: LicenseDeliveryEmail,
  },
  receipt: {
    subject: (props) => `Receipt for ${props.productName} (${props.amount})`,
    component: ReceiptEmail,
  },
  "sign-in-link": {
    subject: (props) => `Sign in to ${props.host}`,
    component: SignInLinkEmail,
  },
};

export type RenderedEmail = { subject: string; html: string; text: string };

/** Renders a template to the subject, HTML and plain text stored in the outbox. */
export async function renderEmail<T extends EmailTemplate>(
  template: T,
  props: TemplateProps[T],
): Promise<RenderedEmail> {
  const { subject, component } = TEMPLATES[template];
  const element = component(props);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  // Subjects are plain text in a header: no newlines, whatever a customer typed into their name.
  return { subject: subject(props).replace(/[\r\n]+/g, " "), html, text };
}

export type { TemplateProps };
