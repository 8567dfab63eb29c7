package dev.powspring.test.mail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.powspring.test.web.Browser;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pow's development mailbox ({@code /dev/mailbox}) read over HTTP, as a
 * {@link TestMailbox}: for tests of an application that runs with
 * {@code pow.mailbox.enabled=true}. A browser test can wait here, then open the mail's
 * page ({@link ReceivedMail#id()}) in the real browser.
 */
public final class DevelopmentMailboxPages extends TestMailbox {

	private static final String INDEX = "/dev/mailbox";

	// Shown only while the mailbox holds mail.
	private static final String EMPTY_FORM = "form[action$=" + INDEX + "]";

	private final Browser browser;

	// A captured mail never changes, so each page is read once.
	private final Map<String, ReceivedMail> read = new ConcurrentHashMap<>();

	/**
	 * Read the mailbox of the application on the port.
	 * @param port the application's port
	 */
	public DevelopmentMailboxPages(int port) {
		this.browser = new Browser(port);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Each mail's {@linkplain ReceivedMail#id() id} is the path of its page.
	 */
	@Override
	public List<ReceivedMail> received() {
		Browser.Page index = this.browser.get(INDEX);
		assertThat(index.status()).as("the development mailbox (pow.mailbox.enabled)").isEqualTo(200);
		List<ReceivedMail> mails = new ArrayList<>();
		for (Element link : index.document().select("[data-test=mail] a")) {
			mails.add(this.read.computeIfAbsent(link.attr("href"), this::readMail));
		}
		// The page lists the newest first.
		Collections.reverse(mails);
		return mails;
	}

	@Override
	protected void purge() {
		Browser.Page index = this.browser.get(INDEX);
		if (index.document().selectFirst(EMPTY_FORM) != null) {
			this.browser.submit(index, EMPTY_FORM, Map.of());
		}
		this.read.clear();
	}

	private ReceivedMail readMail(String path) {
		Browser.Page page = this.browser.get(path);
		String recipient = page.text("[data-test=to]").replaceFirst("^To ", "");
		return new ReceivedMail(path, recipient, page.text("[data-test=subject]"),
				page.document().selectFirst("[data-test=text]").wholeText());
	}

}
