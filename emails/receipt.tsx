import { Column, Heading, Row, Section, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export type ReceiptEmailProps = {
  customerName: string | null;
  receiptNumber: string;
  paidAt: string;
  productName: string;
  tierName: string;
  quantity: number;
  amount: string;
  paymentReference: string | null;
};

export default function ReceiptEmail(props: ReceiptEmailProps) {
  const rows: [string, string][] = [
    ["Receipt", props.receiptNumber],
    ["Date", props.paidAt],
    [
      "Item",
      `${props.productName}, ${props.tierName} license${props.quantity > 1 ? ` × ${props.quantity}` : ""}`,
    ],
    ["Amount paid", props.amount],
  ];
  if (props.paymentReference) rows.push(["Payment reference", props.paymentReference]);
  return (
    <EmailLayout preview={`Receipt for ${props.productName}: ${props.amount}`}>
      <Heading as="h1" style={emailStyles.heading}>
        Receipt
      </Heading>
      <Text style={emailStyles.text}>
        {props.customerName ? `Hi ${props.customerName}, here` : "Here"} is the receipt for your
        purchase.
      </Text>
      <Section>
        {rows.map(([label, value]) => (
          <Row key={label}>
            <Column style={{ ...emailStyles.muted, width: "40%", padding: "6px 0" }}>
              {label}
            </Column>
            <Column style={{ ...emailStyles.text, margin: 0, padding: "6px 0" }}>{value}</Column>
          </Row>
        ))}
      </Section>
    </EmailLayout>
  );
}

ReceiptEmail.PreviewProps = {
  customerName: "Ada Lovelace",
  receiptNumber: "KF-20261123-4F7Q2",
  paidAt: "23 November 2026",
  productName: "Coastal Aerials",
  tierName: "Commercial",
  quantity: 1,
  amount: "$9.99",
  paymentReference: "pi_3QxY…",
} satisfies ReceiptEmailProps;
