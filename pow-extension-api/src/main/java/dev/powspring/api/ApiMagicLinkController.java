package dev.powspring.api;

import java.util.Map;

import dev.powspring.magiclink.MagicLinkRequests;
import dev.powspring.web.PowController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /magic-link} with {@code user[email]}: mails a sign-in link when an account
 * has the address, and answers {@code 200 {"data":{}}} either way. The link opens the web
 * page, whose button signs in.
 */
@PowController
@RestController
public class ApiMagicLinkController extends ApiMailedLinkControllerSupport {

	/**
	 * Create an instance.
	 * @param collaborators the services the controller uses
	 * @param requests throttles magic link requests and mails the links
	 */
	public ApiMagicLinkController(Collaborators collaborators, MagicLinkRequests requests) {
		super(collaborators, requests);
	}

	/**
	 * Ask for a magic link.
	 */
	@PostMapping("${pow.api.path:/api/v1}/magic-link")
	public ResponseEntity<Map<String, Object>> create(HttpServletRequest request, HttpServletResponse response) {
		return requestLink(request, response);
	}

}
