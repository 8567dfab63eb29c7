package dev.powspring.messages;

/**
 * A resource bundle of {@code pow.*} messages. The core and each extension declare a bean
 * of this type; the application's own {@code messages.properties} overrides any key.
 *
 * @param basename the bundle's basename, such as {@code dev/powspring/messages}
 */
public record PowMessageBundle(String basename) {

}
