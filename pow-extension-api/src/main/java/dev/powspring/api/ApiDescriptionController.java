package dev.powspring.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.powspring.web.PowController;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the OpenAPI description of the API, with its server set to where the API is
 * mounted.
 */
@PowController
@RestController
public class ApiDescriptionController {

	/** Where the description is shipped in the jar. */
	public static final String DESCRIPTION = "dev/powspring/api/openapi.yaml";

	private final String description;

	/**
	 * Create an instance.
	 * @param basePath the API's base path, with the routes prefix
	 */
	public ApiDescriptionController(String basePath) {
		this.description = read().replace("{{basePath}}", basePath);
	}

	/**
	 * The OpenAPI description.
	 */
	@GetMapping("${pow.api.path:/api/v1}/openapi.yaml")
	public ResponseEntity<String> description() {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(this.description);
	}

	private static String read() {
		try (InputStream in = new ClassPathResource(DESCRIPTION).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + DESCRIPTION, ex);
		}
	}

}
