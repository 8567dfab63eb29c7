package dev.powspring.benchmarks.peer.session;

import java.security.Principal;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The two pages of the comparison, byte for byte those of the Pow application's
 * {@code PagesController} but for the user's name: a public page, and a private one that
 * Spring Security lets only a signed-in user reach.
 */
@Controller
class PagesController {

	@GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String home() {
		return "<!DOCTYPE html>\n<html><head><title>Hello</title></head><body><h1>Hello</h1></body></html>\n";
	}

	@GetMapping(path = "/private", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String privatePage(Principal user) {
		return "<!DOCTYPE html>\n<html><head><title>Private</title></head><body><h1>Private</h1><p>Signed in as "
				+ HtmlUtils.htmlEscape(user.getName()) + "</p></body></html>\n";
	}

}
