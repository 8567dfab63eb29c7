package dev.powspring.sample.notes;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notes, always queried by owner so nobody reaches another user's.
 */
public interface NoteRepository extends JpaRepository<Note, Long> {

	List<Note> findByOwnerIdOrderByCreatedAtDescIdDesc(Long ownerId);

	@Transactional
	long deleteByIdAndOwnerId(Long id, Long ownerId);

}
