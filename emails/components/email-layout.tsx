import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";

export const emailStyles = {
  heading: { fontSize: "22px", fontWeight: 700, margin: "0 0 12px", color: "#0f172a" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#334155", margin: "0 0 12px" },
  muted: { fontSize: "13px", lineHeight: "20px", color: "#64748b", margin: "0" },
  key: {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    fontSize: "16px",
    letterSpacing: "0.5px",
    background: "#f1f5f9",
    borderRadius: "6px",
    padding: "12px 14px",
    color: "#0f172a",
    margin: "0 0 8px",
  },
  button: {
    background: "#2f45c6",
    color: "#ffffff",
    borderRadius: "6px",
    padding: "10px 16px",
    fontSize: "14px",
    fontWeight: 600,
    textDecoration: "none",
  },
} as const;

export function EmailLayout({ preview, children }: { preview: string; children: React.ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{
          background: "#f8fafc",
          fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
          margin: 0,
          padding: "24px 0",
        }}
      >
        <Container
          style={{
            background: "#ffffff",
            border: "1px solid #e2e8f0",
            borderRadius: "10px",
            maxWidth: "560px",
            padding: "32px",
          }}
        >
          <Text style={{ fontSize: "16px", fontWeight: 700, color: "#2f45c6", margin: "0 0 24px" }}>
            Keyfront
          </Text>
          {children}
          <Hr style={{ borderColor: "#e2e8f0", margin: "28px 0 16px" }} />
          <Section>
            <Text style={emailStyles.muted}>
              You receive this email because of a purchase made with this address. Keep it: it holds
              your license.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
