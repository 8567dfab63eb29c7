package dev.powspring.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium on the sample, with the steps the browser tests share: open a
 * page, fill and submit Pow's forms, read what a person reads. Debian's {@code chromium}
 * and {@code chromium-driver} packages drive it ({@code .ci/run} installs them); without
 * them the calling test is skipped with a message saying so. It never downloads a browser.
 */
final class Chromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final int port;

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private Chromium(int port, ChromeDriver driver) {
		this.port = port;
		this.driver = driver;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
	}

	/**
	 * Start a browser with a fresh profile, for the sample on the given port.
	 * @param port the sample's port
	 * @return the browser
	 * @throws IOException when the profile directory cannot be made
	 */
	static Chromium start(int port) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Browser tests need Debian's chromium and chromium-driver packages: "
						+ "apt-get install -y chromium chromium-driver");
		Path profile = Files.createTempDirectory("pow-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + profile, "--window-size=1280,1100");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		return new Chromium(port, new ChromeDriver(service, options));
	}

	ChromeDriver driver() {
		return this.driver;
	}

	WebDriverWait waiting() {
		return this.wait;
	}

	void open(String path) {
		this.driver.get("http://localhost:" + this.port + path);
	}

	String currentUrl() {
		return this.driver.getCurrentUrl();
	}

	void click(By by) {
		this.wait.until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	void fill(String name, String value) {
		WebElement field = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
		field.clear();
		field.sendKeys(value);
	}

	/**
	 * Press the button of the page's Pow form.
	 */
	void submit() {
		click(By.cssSelector("main form.pow-form button[type=submit]"));
	}

	String flash() {
		return text(".pow-flash");
	}

	String text(String selector) {
		return this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(selector))).getText();
	}

	boolean signedIn() {
		return !this.driver.findElements(By.cssSelector(".pow-whoami")).isEmpty();
	}

	/**
	 * Sign in through the sign-in form.
	 */
	void signIn(String userId, String password) {
		open("/session/new");
		fill("userId", userId);
		fill("password", password);
		submit();
	}

	/**
	 * Sign out, and wait for the signed-out page: opening another page at once could cancel
	 * the sign-out.
	 */
	void signOut() {
		click(By.cssSelector("header form button"));
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".pow-whoami")));
	}

	/**
	 * Save a screenshot of the page as {@code name.png} in the directory that
	 * {@code -Dpow.screenshots=DIR} names; without it, nothing is saved, so that test runs
	 * leave the README's pictures alone.
	 * @param name the file's name, without extension
	 * @throws IOException when the file cannot be written
	 */
	void screenshot(String name) throws IOException {
		String directory = System.getProperty("pow.screenshots");
		if (directory != null) {
			Path target = Path.of(directory).resolve(name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, this.driver.getScreenshotAs(OutputType.BYTES));
		}
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
