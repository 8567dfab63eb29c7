package dev.powspring.sample;

import java.io.IOException;
import java.util.List;

import dev.powspring.test.mail.DevelopmentMailboxPages;
import dev.powspring.test.mail.TestMailbox;
import dev.powspring.test.postgres.PostgresTest;
import dev.powspring.test.web.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devices page in a real headless Chromium: signed in on a phone too, the user follows
 * "Manage your devices" from the account page, sees both devices with this one marked and
 * the recent activity, and signs the phone out, which is signed out at its next request.
 * <p>
 * Needs Debian's {@code chromium} and {@code chromium-driver} packages; without them the
 * test is skipped with a message saying so.
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevicesBrowserTests {

	static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
			+ "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

	@LocalServerPort
	private int port;

	private Chromium browser;

	private TestMailbox mailbox;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = Chromium.start(this.port);
		this.mailbox = new DevelopmentMailboxPages(this.port);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void seeBothDevicesAndSignThePhoneOut() throws IOException {
		Browser phone = new Browser(this.port).header("User-Agent", IPHONE);
		SampleFlows.register(phone, this.mailbox, "devices@example.com");
		this.browser.signIn("devices@example.com", "secret1234");

		this.browser.open("/registration/edit");
		this.browser.click(By.linkText("Manage your devices"));
		assertThat(this.browser.text("main h1")).isEqualTo("Your devices");
		List<WebElement> devices = this.browser.driver().findElements(By.cssSelector("li.pow-device"));
		assertThat(devices).hasSize(2);
		assertThat(devices.get(0).getText()).contains("Chrome on Linux", "This device", "with a password");
		assertThat(devices.get(1).getText()).contains("Safari on iOS", "Browser session").doesNotContain("This device");
		assertThat(this.browser.text(".pow-activity-list")).contains("Signed in", "Email address confirmed",
				"Account created");
		this.browser.screenshot("devices");

		devices.get(1).findElement(By.cssSelector("button.pow-device-end")).click();

		assertThat(this.browser.flash()).isEqualTo("The device has been signed out.");
		assertThat(this.browser.driver().findElements(By.cssSelector("li.pow-device"))).hasSize(1);
		assertThat(this.browser.text(".pow-activity-list li")).contains("Devices signed out");
		assertThat(phone.get("/registration/edit").location()).contains("/session/new");
		assertThat(this.browser.signedIn()).isTrue();
	}

}
