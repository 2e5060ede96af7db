import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export type LicenseDeliveryEmailProps = {
  customerName: string | null;
  productName: string;
  tierName: string;
  licenseName: string;
  termsSummary: string;
  termsUrl: string;
  portalUrl: string;
  keys: string[];
  seats: number;
  expiresAt: string | null;
};

export default function LicenseDeliveryEmail(props: LicenseDeliveryEmailProps) {
  const plural = props.keys.length > 1;
  return (
    <EmailLayout
      preview={`Your ${props.productName} ${props.tierName} license key${plural ? "s" : ""}`}
    >
      <Heading as="h1" style={emailStyles.heading}>
        Your {props.productName} license
      </Heading>
      <Text style={emailStyles.text}>
        {props.customerName ? `Hi ${props.customerName}, thank you` : "Thank you"} for buying{" "}
        {props.productName} ({props.tierName}). Your license key{plural ? "s are" : " is"} below.
      </Text>
      <Section>
        {props.keys.map((key) => (
          <Text key={key} style={emailStyles.key}>
            {key}
          </Text>
        ))}
      </Section>
      <Text style={emailStyles.text}>
        <strong>{props.licenseName}</strong>: {props.termsSummary}{" "}
        {props.seats === 1 ? "1 seat" : `${props.seats} seats`},{" "}
        {props.expiresAt ? `valid until ${props.expiresAt}` : "never expires"}.{" "}
        <Link href={props.termsUrl}>Read the full terms</Link>.
      </Text>
      <Text style={emailStyles.text}>
        Download your files, see your devices and get this email again at any time from your
        account:
      </Text>
      <Button href={props.portalUrl} style={emailStyles.button}>
        Open your account
      </Button>
    </EmailLayout>
  );
}

LicenseDeliveryEmail.PreviewProps = {
  customerName: "Ada Lovelace",
  productName: "Pixelmill",
  tierName: "Commercial",
  licenseName: "Commercial license",
  termsSummary: "For freelancers and studios doing client work.",
  termsUrl: "http://localhost:3000/license/commercial",
  portalUrl: "http://localhost:3000/account",
  keys: ["PXM-7K2QF-0H9ZT-M4WQX-B8N3C-R1VDE"],
  seats: 3,
  expiresAt: null,
} satisfies LicenseDeliveryEmailProps;
