package dev.powspring.test.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A small browser for tests over real HTTP: it keeps cookies, does not follow redirects
 * (tests assert them), and submits forms as a browser would, hidden fields included.
 */
public final class Browser {

	private final String baseUrl;

	private final CookieManager cookies;

	private final HttpClient client;

	private String acceptLanguage = "en";

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Browser(int port) {
		this(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
	}

	private Browser(int port, CookieManager cookies) {
		this.baseUrl = "http://localhost:" + port;
		this.cookies = cookies;
		this.client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Return a browser with the same cookies talking to another port, as one browser
	 * reaching another node behind a load balancer.
	 * @param port the other node's port
	 * @return the browser
	 */
	public Browser at(int port) {
		return new Browser(port, this.cookies);
	}

	public Browser acceptLanguage(String language) {
		this.acceptLanguage = language;
		return this;
	}

	/**
	 * Send a header with every later request, such as {@code Origin} or
	 * {@code X-Forwarded-Proto}.
	 * @param name the header name
	 * @param value the value
	 * @return this browser
	 */
	public Browser header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	public Page get(String path) {
		return send(request(path).GET().build());
	}

	public Page get(String path, String accept) {
		return send(request(path).header("Accept", accept).GET().build());
	}

	/**
	 * Fill in and submit the form matching the selector on the page.
	 * @param page the page holding the form
	 * @param selector a CSS selector for the form
	 * @param values the fields to fill in, by name
	 * @return the answer
	 */
	public Page submit(Page page, String selector, Map<String, String> values) {
		Element form = page.document().selectFirst(selector);
		if (form == null) {
			throw new AssertionError("No form " + selector + " on " + page.path() + ":\n" + page.body());
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name]")) {
			boolean choice = input.attr("type").equals("checkbox") || input.attr("type").equals("radio");
			// As a browser does: unchecked boxes send nothing.
			if (!choice || input.hasAttr("checked")) {
				fields.put(input.attr("name"), input.attr("value"));
			}
		}
		fields.putAll(values);
		String action = form.attr("action");
		return post(action.isEmpty() ? page.path() : action, fields);
	}

	public Page post(String path, Map<String, String> fields) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formEncode(fields)))
			.build());
	}

	/**
	 * Post a form body exactly as given, already encoded, as a hostile client might.
	 * @param path the path
	 * @param body the encoded body
	 * @return the answer
	 */
	public Page postRaw(String path, String body) {
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/**
	 * Post a form with a Host header of the client's choosing, as a hostile client can
	 * (Java's HTTP client refuses to set one, so this one speaks HTTP/1.1 itself). The
	 * browser's cookies go along; cookies the answer sets are not kept.
	 * @param host the Host header
	 * @param path the path
	 * @param fields the form fields
	 * @return the answer, its body read until the server closes the connection
	 */
	public Page postWithHost(String host, String path, Map<String, String> fields) {
		byte[] body = formEncode(fields).getBytes(StandardCharsets.UTF_8);
		URI uri = URI.create(this.baseUrl + path);
		try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
			String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
					+ "Accept-Language: " + this.acceptLanguage + "\r\nCookie: " + cookieHeader() + "\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().write(body);
			socket.getOutputStream().flush();
			String[] answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
				.split("\r\n\r\n", 2);
			String[] lines = answer[0].split("\r\n");
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				String[] header = lines[i].split(":", 2);
				headers.computeIfAbsent(header[0].trim(), (name) -> new ArrayList<>()).add(header[1].trim());
			}
			return new Page(path, Integer.parseInt(lines[0].split(" ")[1]), headers,
					(answer.length > 1) ? answer[1] : "");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Follow a redirect the last answer asked for.
	 * @param page the redirecting answer
	 * @return the page redirected to
	 */
	public Page follow(Page page) {
		String location = page.header("Location").orElseThrow(() -> new AssertionError("Not a redirect: " + page));
		return get(location.startsWith(this.baseUrl) ? location.substring(this.baseUrl.length()) : location);
	}

	public Optional<HttpCookie> cookie(String name) {
		return this.cookies.getCookieStore().getCookies().stream().filter((c) -> c.getName().equals(name)).findFirst();
	}

	/**
	 * Return the cookies this browser holds as one {@code Cookie} request header, for
	 * handing its session to another HTTP client.
	 * @return the header value
	 */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	/**
	 * Replace a cookie's value, as a tampering client would.
	 * @param name the cookie name
	 * @param value the new value
	 */
	public void setCookie(String name, String value) {
		// Stored as if the server had set it, so the server's next Set-Cookie replaces it.
		try {
			this.cookies.put(URI.create(this.baseUrl + "/"), Map.of("Set-Cookie", List.of(name + "=" + value + "; Path=/")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Accept-Language", this.acceptLanguage);
		this.headers.forEach(request::header);
		return request;
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			String path = request.uri().getRawPath()
					+ ((request.uri().getRawQuery() != null) ? "?" + request.uri().getRawQuery() : "");
			return new Page(path, response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String formEncode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
	}

	private static String encode(String value) {
		return URLEncoder.encode((value != null) ? value : "", StandardCharsets.UTF_8);
	}

	/**
	 * An answer from the server.
	 *
	 * @param path the path requested
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body
	 */
	public record Page(String path, int status, Map<String, List<String>> headers, String body) {

		public Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst();
		}

		public List<String> setCookies() {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase("Set-Cookie"))
				.flatMap((entry) -> entry.getValue().stream())
				.toList();
		}

		public Document document() {
			return Jsoup.parse(this.body);
		}

		public String location() {
			return header("Location").orElse(null);
		}

		public String text(String selector) {
			Element element = document().selectFirst(selector);
			return (element != null) ? element.text() : null;
		}

		@Override
		public String toString() {
			return this.status + " " + this.path + " " + this.headers;
		}

	}

}
