"""An email backend for the overlapping-runs test: each message takes a second to
send (as a slow mail server would) and is appended, one line, to SLOW_MAIL_FILE."""

import os
import time

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            time.sleep(1)
            with open(os.environ["SLOW_MAIL_FILE"], "a", encoding="utf-8") as file:
                file.write(f"{message.to[0]}\t{message.subject}\n")
        return len(email_messages)
