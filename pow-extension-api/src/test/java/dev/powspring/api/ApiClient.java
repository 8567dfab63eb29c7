package dev.powspring.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API client as a mobile app is one: it sends JSON or form bodies and the token in the
 * {@code Authorization} header, and keeps no cookie.
 */
final class ApiClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private final Map<String, String> headers;

	ApiClient(int port) {
		this("http://localhost:" + port, Map.of());
	}

	private ApiClient(String base, Map<String, String> headers) {
		this.base = base;
		this.headers = headers;
	}

	/** A client that sends a header with every request, such as a tenant's. */
	ApiClient withHeader(String name, String value) {
		return new ApiClient(this.base, Map.of(name, value));
	}

	/** The user as a JSON body: {@code {"user": {...}}}. */
	Answer postJson(String path, Map<String, String> user, String authorization) {
		String body = JsonMapper.shared().writeValueAsString(Map.of("user", user));
		return send(request(path, authorization).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** The user as form fields: {@code user[email]=...}. */
	Answer postForm(String path, Map<String, String> user, String authorization) {
		return send(request(path, authorization).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(user))));
	}

	/** A body exactly as given, such as the second step of a two-factor sign-in. */
	Answer postBody(String path, String contentType, String body) {
		return send(request(path, null).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Answer patchJson(String path, Map<String, String> user, String authorization) {
		String body = JsonMapper.shared().writeValueAsString(Map.of("user", user));
		return send(request(path, authorization).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
	}

	Answer post(String path, String authorization) {
		return send(request(path, authorization).POST(HttpRequest.BodyPublishers.noBody()));
	}

	Answer get(String path, String authorization) {
		return send(request(path, authorization).GET());
	}

	Answer delete(String path, String authorization) {
		return send(request(path, authorization).DELETE());
	}

	/** Sign in with JSON and return the pair. */
	Pair signIn(String email, String password) {
		Answer answer = postJson("/api/v1/session", Map.of("email", email, "password", password), null);
		return answer.pair();
	}

	/** Register with JSON and return the pair. */
	Pair register(String email, String password) {
		Answer answer = postJson("/api/v1/registration",
				Map.of("email", email, "password", password, "password_confirmation", password), null);
		return answer.pair();
	}

	private HttpRequest.Builder request(String path, String authorization) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path));
		this.headers.forEach(builder::header);
		if (authorization != null) {
			builder.header("Authorization", authorization);
		}
		return builder;
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String form(Map<String, String> user) {
		Map<String, String> fields = new LinkedHashMap<>();
		user.forEach((name, value) -> fields.put("user[" + name + "]", value));
		return fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	record Answer(int status, Map<String, List<String>> headers, String body) {

		JsonNode json() {
			return JsonMapper.shared().readTree(this.body);
		}

		String at(String pointer) {
			JsonNode node = json().at(pointer);
			return node.isMissingNode() ? null : node.asString();
		}

		Optional<String> header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((header) -> header.getKey().equalsIgnoreCase(name))
				.flatMap((header) -> header.getValue().stream())
				.findFirst();
		}

		Pair pair() {
			if (this.status != 200) {
				throw new AssertionError("Expected a token pair, got " + this.status + ": " + this.body);
			}
			return new Pair(at("/data/access_token"), at("/data/renewal_token"));
		}

	}

	record Pair(String accessToken, String renewalToken) {

	}

}
