import { Button, Heading, Text } from "@react-email/components";
import { EmailLayout, emailStyles } from "./components/email-layout";

export type SignInLinkEmailProps = { url: string; host: string; expiresInMinutes: number };

export default function SignInLinkEmail(props: SignInLinkEmailProps) {
  return (
    <EmailLayout preview={`Sign in to ${props.host}`}>
      <Heading as="h1" style={emailStyles.heading}>
        Sign in to your account
      </Heading>
      <Text style={emailStyles.text}>
        Press the button to sign in to {props.host}. The link works once and expires in{" "}
        {props.expiresInMinutes} minutes.
      </Text>
      <Button href={props.url} style={emailStyles.button}>
        Sign in
      </Button>
      <Text style={{ ...emailStyles.muted, marginTop: "20px" }}>
        If you did not ask to sign in, ignore this email: nobody can sign in without the link.
      </Text>
    </EmailLayout>
  );
}

SignInLinkEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/email?token=example&email=ada%40example.com",
  host: "localhost:3000",
  expiresInMinutes: 15,
} satisfies SignInLinkEmailProps;
