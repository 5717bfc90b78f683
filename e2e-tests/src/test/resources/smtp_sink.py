"""A real SMTP server on loopback for the end-to-end tests (Debian's python3-aiosmtpd).

Every message it accepts is decoded and appended to a file as one JSON line:
{"from": ..., "to": [...], "subject": ..., "text": ...}.
Usage: /usr/bin/python3 smtp_sink.py PORT OUTPUT_FILE
"""
import asyncio
import email
import email.policy
import json
import sys

from aiosmtpd.controller import Controller


class JsonLines:
    def __init__(self, path):
        self.path = path

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain", "html"))
        record = {"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "subject": str(message["subject"]),
                  "text": part.get_content() if part is not None else ""}
        with open(self.path, "a", encoding="utf-8") as out:
            out.write(json.dumps(record) + "\n")
        return "250 Message accepted for delivery"


def main(port, path):
    open(path, "w").close()
    controller = Controller(JsonLines(path), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"SMTP sink on 127.0.0.1:{port} writing {path}", flush=True)
    try:
        asyncio.get_event_loop().run_forever()
    finally:
        controller.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
