package org.imageproc.web;

import org.apache.camel.Header;
import org.imageproc.album.Album;
import org.imageproc.job.AlbumDeletion;
import org.imageproc.job.Job;
import org.imageproc.job.Jobs;
import org.imageproc.job.OwnedJob;
import org.imageproc.job.Reprocessing;
import org.imageproc.job.Scope;
import org.imageproc.photo.PhotoRemoval;

/** What the API does to run the library: reprocess an album or a photo, delete either, and follow a job. */
public class LibraryApi {

    private final Owners owners;
    private final Reprocessing reprocessing;
    private final PhotoRemoval removal;
    private final AlbumDeletion albumDeletion;
    private final Jobs jobs;

    LibraryApi(Owners owners, Reprocessing reprocessing, PhotoRemoval removal, AlbumDeletion albumDeletion,
            Jobs jobs) {
        this.owners = owners;
        this.reprocessing = reprocessing;
        this.removal = removal;
        this.albumDeletion = albumDeletion;
        this.jobs = jobs;
    }

    /** The API's bean, checking ownership with what the web API reads. */
    public static LibraryApi of(WebApi web, Reprocessing reprocessing, PhotoRemoval removal,
            AlbumDeletion albumDeletion, Jobs jobs) {
        return new LibraryApi(web.owners(), reprocessing, removal, albumDeletion, jobs);
    }

    public Job reprocessAlbum(@Header(WebApi.USER_HEADER) String user, @Header("owner") String owner,
            @Header("name") String name, ReprocessRequest request) {
        Album album = owners.album(user, owner, name);
        Scope scope;
        try {
            scope = Scope.parse(request == null ? null : request.scope());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return reprocessing.album(album.userID(), album.albumID(), scope);
    }

    public Job reprocessPhoto(@Header(WebApi.USER_HEADER) String user, @Header("id") String id) {
        String imageId = owners.photo(user, id);
        return reprocessing.photo(Ids.user(user), imageId).orElseThrow(() -> ApiException.conflict(
                "This photo is being processed right now; reprocess it once it is done"));
    }

    public void deletePhoto(@Header(WebApi.USER_HEADER) String user, @Header("id") String id) {
        removal.remove(owners.photo(user, id));
    }

    public Job deleteAlbum(@Header(WebApi.USER_HEADER) String user, @Header("owner") String owner,
            @Header("name") String name) {
        Album album = owners.album(user, owner, name);
        return albumDeletion.delete(album.userID(), album.albumID());
    }

    public Job job(@Header(WebApi.USER_HEADER) String user, @Header("id") String id) {
        String userId = Ids.user(user);
        OwnedJob found = jobs.find(Ids.jobId(id)).orElseThrow(() -> ApiException.notFound("No such job"));
        if (!userId.equals(found.owner())) {
            throw ApiException.forbidden("This job belongs to someone else");
        }
        return found.job();
    }
}
